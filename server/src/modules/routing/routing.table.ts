import type { Insertable, Selectable } from 'kysely';

/**
 * One rule of the routing matrix (matter × region/area → handling unit). A null column
 * matches anything; the most specific matching rule wins (see routing.ts).
 */
export interface RoutingRuleTable {
  id: string;
  matter_code: string | null;
  major_code: string | null;
  region_id: string | null;
  area_class: string | null;
  unit_id: string;
  /** Breaks ties between equally specific rules: lower first. */
  priority: number;
  note: string | null;
  created_at: number;
}

export interface RoutingTables {
  routing_rule: RoutingRuleTable;
}

export type RoutingRuleRow = Selectable<RoutingRuleTable>;
export type NewRoutingRuleRow = Insertable<RoutingRuleTable>;

/**
 * Incremental evaluation rollups: how many facts (see facts.ts) count in one dimension cell on
 * one local day. Written by the cases service's event hook in the transaction of each event;
 * rebuilt from the event log by `recomputeRollups`. Boards sum these rows over a period.
 */
export interface EvalRollupTable {
  /** Dimension kind: 'city', 'district', 'street', 'community', 'grid', 'unit', 'inspector', …;
   *  scoped copies end in '@d' / '@s' and prefix the key with the district / street id. */
  kind: string;
  /** Local date in the city's time zone, 'YYYY-MM-DD'. */
  day: string;
  /** The dimension key: region id, grid code, unit id, user id, matter code, H3 cell, …. */
  key: string;
  /** 'family.name', e.g. 'case.closed_on_time', 'unit.to_handle'. */
  metric: string;
  /** Counter shard (PostgreSQL spreads hot rows over a few shards; SQLite uses 0). */
  shard: number;
  count: number;
}

export interface EvaluationTables {
  eval_rollup: EvalRollupTable;
}

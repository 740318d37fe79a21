import type { AttachmentTables } from '../modules/attachments/attachments.table';
import type { CasesTables } from '../modules/cases/cases.table';
import type { CatalogTables } from '../modules/catalog/catalog.table';
import type { ClockTables } from '../modules/clock/clock.table';
import type { EvaluationTables } from '../modules/evaluation/evaluation.table';
import type { HotlineTables } from '../modules/hotline/hotline.table';
import type { ImportTables } from '../modules/imports/imports.table';
import type { Open311Tables } from '../modules/open311/open311.table';
import type { OrgTables } from '../modules/org/org.table';
import type { PortalTables } from '../modules/portal/portal.table';
import type { RoutingTables } from '../modules/routing/routing.table';
import type { SpaceTables } from '../modules/space/space.table';
import type { AppSettingTable } from './settings.table';

/** Every table of cityloop, composed from the modules' table files. */
export interface Database
  extends
    SpaceTables,
    CatalogTables,
    OrgTables,
    RoutingTables,
    CasesTables,
    ClockTables,
    AttachmentTables,
    Open311Tables,
    PortalTables,
    HotlineTables,
    ImportTables,
    EvaluationTables {
  app_setting: AppSettingTable;
}

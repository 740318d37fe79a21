import { z } from 'zod';
import { createCaseBody } from '../cases/cases.schema';

/** A report from the inspector app: a case body with the client's own id for safe retries. */
export const inspectorReportBody = createCaseBody
  .omit({ source: true, externalId: true, reporter: true })
  .extend({
    /** A UUID the app makes when the report is captured; a retry with it returns that case. */
    clientId: z.uuid(),
  });
export type InspectorReportBody = z.infer<typeof inspectorReportBody>;

import { z } from 'zod';
import { toNotBeforeFrom } from '../../lib/instant-range';
import { listCasesFields } from '../cases/cases.schema';

/** Languages of exported files (the console's languages). */
export const EXPORT_LANGS = ['zh-CN', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

/** The case list's filters (without paging) and the language of the column headers. */
export const exportCasesQuery = listCasesFields
  .omit({ page: true, pageSize: true })
  .extend({ lang: z.enum(EXPORT_LANGS).default('zh-CN') })
  .strict()
  .superRefine(toNotBeforeFrom);
export type ExportCasesQuery = z.infer<typeof exportCasesQuery>;

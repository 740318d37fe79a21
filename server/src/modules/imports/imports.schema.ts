import { z } from 'zod';
import { IMPORT_KINDS } from './import-columns';

export const startImportQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  /** true: validate every row and write the result file, but create no case. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const templateQuery = z.strictObject({ kind: z.enum(IMPORT_KINDS).default('hotline') });

export const jobIdParams = z.strictObject({ id: z.string().min(1).max(64) });

import type { z } from 'zod';

/**
 * A query's `from`/`to` instants (ISO 8601) the wrong way round are a 400 on `to`, not an
 * empty answer that looks like "nothing happened". For `.superRefine` of a query schema.
 */
export function toNotBeforeFrom(q: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.to !== undefined && Date.parse(q.to) < Date.parse(q.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config';
import type { Db } from './db/db';
import type { Clock } from './lib/clock';

/** What every module service is built from: explicit dependencies, nothing global. */
export interface AppContext {
  readonly config: Readonly<Config>;
  readonly store: Db;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
}

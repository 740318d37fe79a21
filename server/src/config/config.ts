import { z } from 'zod';

/** DEMO_HISTORY when `--demo` (npm start) starts the server and the variable is not set. */
export const DEMO_FLAG_HISTORY = 400;

/**
 * Every environment variable cityloop reads, with a description and a sensitive flag.
 * `loadConfig()` parses them once and reports every bad value together.
 * `.env.example` is generated from this table (`npm run config:example`).
 */
export const CONFIG_VARIABLES = {
  PORT: { description: 'HTTP port the server listens on.', default: '8080', sensitive: false },
  HOST: {
    description: 'Interface to bind (0.0.0.0 for all).',
    default: '0.0.0.0',
    sensitive: false,
  },
  DATA_DIR: {
    description: 'Folder for the SQLite file and uploaded files.',
    default: './data',
    sensitive: false,
  },
  DATABASE_URL: {
    description:
      'postgres://user:pass@host:5432/db selects PostgreSQL; empty means SQLite at DATA_DIR/cityloop.sqlite.',
    default: '',
    sensitive: true,
  },
  DEMO_MODE: {
    description:
      'true: create the demo city and demo accounts on first start. `npm start` passes --demo, which sets it unless given; `npm run serve` (production) does not.',
    default: 'false',
    sensitive: false,
  },
  DEMO_PASSWORD: {
    description:
      'Password of the demo accounts (demo mode only). Empty: a random one, printed at start.',
    default: '',
    sensitive: true,
  },
  DEMO_SEED: {
    description: 'Seed of the demo city generator.',
    default: '20261121',
    sensitive: false,
  },
  DEMO_GRIDS: {
    description: 'Number of unit grids in the demo city.',
    default: '2000',
    sensitive: false,
  },
  DEMO_HISTORY: {
    description: `Demo mode, first start only: how many finished cases of history (the last eight weeks, told through the real workflow) the new demo city gets, with 4 % more (3 to 40) left in progress; 0 = none. \`npm start\` (--demo) uses ${DEMO_FLAG_HISTORY} unless given.`,
    default: '0',
    sensitive: false,
  },
  ADMIN_USERNAME: {
    description: 'Outside demo mode: the first administrator, created on first start.',
    default: 'admin',
    sensitive: false,
  },
  ADMIN_PASSWORD: {
    description: 'Outside demo mode: required on first start (at least 12 characters).',
    default: '',
    sensitive: true,
  },
  TIMEZONE: {
    description: 'IANA time zone of the city: working periods and case numbers use it.',
    default: 'Asia/Shanghai',
    sensitive: false,
  },
  SESSION_TTL_HOURS: {
    description: 'Lifetime of a login session, hours.',
    default: '12',
    sensitive: false,
  },
  LOGIN_MAX_FAILURES: {
    description: 'Failed logins per username (and per IP) within LOGIN_WINDOW_MINUTES before 429.',
    default: '5',
    sensitive: false,
  },
  LOGIN_WINDOW_MINUTES: {
    description: 'Window of the login rate limit, minutes.',
    default: '15',
    sensitive: false,
  },
  BODY_LIMIT_BYTES: {
    description: 'Largest JSON body accepted, bytes.',
    default: '1048576',
    sensitive: false,
  },
  UPLOAD_LIMIT_BYTES: {
    description: 'Largest uploaded file, bytes.',
    default: '10485760',
    sensitive: false,
  },
  COOKIE_SECURE: {
    description: 'Mark the session cookie Secure (set true behind HTTPS).',
    default: 'false',
    sensitive: false,
  },
  LOG_LEVEL: {
    description: 'pino log level: fatal, error, warn, info, debug, trace, silent.',
    default: 'info',
    sensitive: false,
  },
  MAP_TILE_URL: {
    description:
      'Optional raster tile URL template for the console maps ({z}/{x}/{y}); empty: own layers only.',
    default: '',
    sensitive: false,
  },
  REPORT_FONT_PATH: {
    description:
      'Font with Chinese glyphs for PDF reports (.ttf, .otf or .ttc; a collection face as path#PostScriptName). Empty: search the system (Debian: apt-get install fonts-noto-cjk).',
    default: '',
    sensitive: false,
  },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  PORT: int(0, 65535),
  HOST: z.string().min(1),
  DATA_DIR: z.string().min(1),
  DATABASE_URL: z
    .string()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'must be empty or a postgres:// URL'),
  DEMO_MODE: bool,
  DEMO_PASSWORD: z
    .string()
    .refine((v) => v === '' || v.length >= 8, 'must be at least 8 characters'),
  DEMO_SEED: int(0, 2 ** 31),
  DEMO_GRIDS: int(50, 2_000_000),
  DEMO_HISTORY: int(0, 20_000),
  ADMIN_USERNAME: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'must be 3-32 lowercase letters, digits, _ . -'),
  ADMIN_PASSWORD: z
    .string()
    .refine((v) => v === '' || v.length >= 12, 'must be at least 12 characters'),
  TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
  SESSION_TTL_HOURS: int(1, 24 * 30),
  LOGIN_MAX_FAILURES: int(1, 1000),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60),
  BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024),
  UPLOAD_LIMIT_BYTES: int(1024, 1024 * 1024 * 1024),
  COOKIE_SECURE: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  MAP_TILE_URL: z.string(),
  REPORT_FONT_PATH: z.string(),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  readonly http: { readonly port: number; readonly host: string; readonly bodyLimitBytes: number };
  readonly dataDir: string;
  readonly db: {
    readonly kind: 'sqlite' | 'postgres';
    readonly url: string;
    readonly sqliteFile: string;
  };
  readonly demo: {
    readonly enabled: boolean;
    readonly password: string;
    readonly seed: number;
    readonly grids: number;
    /** Finished cases of history seeded with a new demo city (0 = none). */
    readonly history: number;
  };
  readonly admin: { readonly username: string; readonly password: string };
  readonly timezone: string;
  readonly auth: {
    readonly sessionTtlMs: number;
    readonly loginMaxFailures: number;
    readonly loginWindowMs: number;
    readonly cookieSecure: boolean;
  };
  readonly uploads: { readonly limitBytes: number };
  readonly logLevel: string;
  readonly mapTileUrl: string;
  /** PDF reports: the configured CJK font file ('' = search the system). */
  readonly reports: { readonly fontPath: string };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Reads and validates the environment once. Throws ConfigError listing every bad variable.
 * Domain code never reads process.env; it receives this object.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const raw: Record<string, string> = {};
  for (const [name, meta] of Object.entries(CONFIG_VARIABLES)) {
    raw[name] = env[name] ?? meta.default;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}=${JSON.stringify(raw[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR;
  return Object.freeze({
    http: { port: e.PORT, host: e.HOST, bodyLimitBytes: e.BODY_LIMIT_BYTES },
    dataDir,
    db: {
      kind: e.DATABASE_URL ? 'postgres' : 'sqlite',
      url: e.DATABASE_URL,
      sqliteFile: `${dataDir}/cityloop.sqlite`,
    },
    demo: {
      enabled: e.DEMO_MODE,
      password: e.DEMO_PASSWORD,
      seed: e.DEMO_SEED,
      grids: e.DEMO_GRIDS,
      history: e.DEMO_HISTORY,
    },
    admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD },
    timezone: e.TIMEZONE,
    auth: {
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
      cookieSecure: e.COOKIE_SECURE,
    },
    uploads: { limitBytes: e.UPLOAD_LIMIT_BYTES },
    logLevel: e.LOG_LEVEL,
    mapTileUrl: e.MAP_TILE_URL,
    reports: { fontPath: e.REPORT_FONT_PATH.trim() },
  } satisfies Config);
}

/** The text of `.env.example`, generated from CONFIG_VARIABLES. */
export function envExample(): string {
  const lines = ['# cityloop configuration. Every variable is optional; defaults shown.', ''];
  for (const [name, meta] of Object.entries(CONFIG_VARIABLES)) {
    lines.push(
      `# ${meta.description}${meta.sensitive ? ' (sensitive)' : ''}`,
      `${name}=${meta.default}`,
      '',
    );
  }
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { ConfigError, envExample, loadConfig } from './config';

describe(loadConfig.name, () => {
  it('defaults to SQLite under ./data on port 8080, demo off', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(8080);
    expect(c.db).toMatchObject({ kind: 'sqlite', sqliteFile: './data/cityloop.sqlite' });
    expect(c.demo.enabled).toBe(false);
    expect(c.demo.history).toBe(0);
    expect(c.timezone).toBe('Asia/Shanghai');
  });

  it('reads the demo history size, a whole number from 0', () => {
    expect(loadConfig({ DEMO_HISTORY: '250' }).demo.history).toBe(250);
    expect(() => loadConfig({ DEMO_HISTORY: '-1' })).toThrow(/DEMO_HISTORY/);
    expect(() => loadConfig({ DEMO_HISTORY: 'many' })).toThrow(/DEMO_HISTORY/);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).db.kind).toBe('postgres');
  });

  it('lists every bad variable at once', () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        TIMEZONE: 'Mars/Olympus',
        ADMIN_PASSWORD: 'short',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const vars = (err as ConfigError).problems.map((p) => p.split('=')[0]).sort();
    expect(vars).toEqual(['ADMIN_PASSWORD', 'DATABASE_URL', 'PORT', 'TIMEZONE']);
  });

  it('documents every variable in .env.example', () => {
    const text = envExample();
    for (const name of [
      'PORT',
      'DATA_DIR',
      'DATABASE_URL',
      'DEMO_PASSWORD',
      'ADMIN_PASSWORD',
      'TIMEZONE',
    ]) {
      expect(text).toMatch(new RegExp(`^${name}=`, 'm'));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { formatMessage, LOCALES, placeholdersOf, type Messages } from './utils/messages';

// Every feature dictionary of the console, wherever it lives (new features are picked up).
const files = import.meta.glob<Record<string, unknown>>('/src/**/*.messages.ts', { eager: true });

const dictionaries = Object.entries(files).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'zh-CN' in v && 'en' in v)
    .map(([name, v]) => ({ id: `${file}#${name}`, messages: v as Messages<string> })),
);

describe('feature dictionaries', () => {
  it('are found', () => {
    expect(dictionaries.length).toBeGreaterThanOrEqual(8);
  });

  it.each(dictionaries)('$id has the same keys in every language', ({ messages }) => {
    const zh = Object.keys(messages['zh-CN']).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(messages[locale]).sort()).toEqual(zh);
    }
  });

  it.each(dictionaries)('$id has no empty text and the same placeholders', ({ messages }) => {
    for (const key of Object.keys(messages['zh-CN'])) {
      const zh = messages['zh-CN'][key] ?? '';
      const en = messages.en[key] ?? '';
      expect(zh.trim(), `${key} (zh-CN)`).not.toBe('');
      expect(en.trim(), `${key} (en)`).not.toBe('');
      expect(placeholdersOf(en), key).toEqual(placeholdersOf(zh));
    }
  });

  it('English texts contain no Chinese characters', () => {
    for (const { id, messages } of dictionaries) {
      for (const [key, text] of Object.entries(messages.en)) {
        expect(/[\u4e00-\u9fff]/.test(text), `${id} ${key}: ${text}`).toBe(false);
      }
    }
  });
});

describe(formatMessage.name, () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(formatMessage('共 {n} 条，{x}', { n: 3 })).toBe('共 3 条，{x}');
  });
});

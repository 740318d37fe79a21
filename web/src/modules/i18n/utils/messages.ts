/** Languages of the console. zh-CN is the default; English is switchable. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** One feature's dictionary: the same keys in every language. */
export interface Messages<K extends string> {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Values interpolated into `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/**
 * Declares a feature's dictionary. The English object must have exactly the Chinese keys (the
 * compiler checks it; `messages.test.ts` checks every dictionary file again at run time, with
 * placeholders).
 */
export function defineMessages<Z extends Record<string, string>>(
  zh: Z,
  en: { readonly [K in keyof Z]: string },
): Messages<Extract<keyof Z, string>> {
  return { 'zh-CN': zh, en };
}

/** Fills `{name}` placeholders; unknown ones stay as they are. */
export function formatMessage(template: string, vars?: MessageVars): string {
  if (!vars) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** The placeholder names of a template, sorted (for the dictionary test). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** A text in every language, resolved when shown (route titles, menu labels). */
export type LocalizedText = (locale: Locale) => string;

/** A LocalizedText from a feature dictionary's key. */
export function msg<K extends string>(messages: Messages<K>, key: K): LocalizedText {
  return (locale) => messages[locale][key];
}

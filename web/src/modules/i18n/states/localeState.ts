import { createContext } from 'react';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../utils/messages';

const STORAGE_KEY = 'cityloop.locale';

export interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The current language; provided by LocaleProvider at the root of the app. */
export const LocaleContext = createContext<LocaleState>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
});

/** The language chosen earlier on this browser, or the default (zh-CN). */
export function readStoredLocale(): Locale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

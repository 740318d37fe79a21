import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LocaleContext, readStoredLocale, storeLocale } from '../states/localeState';
import type { Locale } from '../utils/messages';

export interface LocaleProviderProps {
  children: ReactNode;
  /** Start language (tests); otherwise the stored choice or zh-CN. */
  initialLocale?: Locale;
}

/** Holds the console language, persists the choice and keeps dayjs and <html lang> in step. */
export function LocaleProvider({ children, initialLocale }: LocaleProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

import { useCallback } from 'react';
import { formatMessage, type Messages, type MessageVars } from '../utils/messages';
import { useLocale } from './useLocale';

export type TFunction<K extends string> = (key: K, vars?: MessageVars) => string;

/** A translate function over one feature's dictionary, in the current language. */
export function useT<K extends string>(messages: Messages<K>): TFunction<K> {
  const { locale } = useLocale();
  return useCallback(
    (key: K, vars?: MessageVars) => formatMessage(messages[locale][key] ?? key, vars),
    [locale, messages],
  );
}

import { useContext } from 'react';
import { LocaleContext, type LocaleState } from '../states/localeState';

/** The current language and its setter. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

import { Segmented } from 'antd';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { isLocale } from '../../i18n/utils/messages';
import { shellMessages } from '../shell.messages';

/** 中文 / EN: each language named in itself, so anyone can find theirs. */
const OPTIONS = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
];

export interface LanguageSwitchProps {
  size?: 'small' | 'middle' | 'large';
}

/** Switches the console language; the choice is remembered on this browser. */
export function LanguageSwitch({ size = 'middle' }: LanguageSwitchProps) {
  const { locale, setLocale } = useLocale();
  const t = useT(shellMessages);
  return (
    <Segmented
      size={size}
      aria-label={t('header.language')}
      data-testid="lang-switch"
      options={OPTIONS}
      value={locale}
      onChange={(v) => {
        if (isLocale(v)) {
          setLocale(v);
        }
      }}
    />
  );
}

import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { catalogApi } from '../../../api/catalog.api';
import type { CatalogEntry } from '../../../api/types';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { casesMessages } from '../cases.messages';

export interface MatterPickerProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  status?: 'error' | 'warning';
  allowClear?: boolean;
  /** Also accept a 2-digit major class (list filters). */
  allowMajors?: boolean;
  testId?: string;
}

const SEARCH_DELAY_MS = 250;

/**
 * Picks a matter (事项) by Chinese text, pinyin initials (ljt → 垃圾桶…) or a current or legacy
 * code: the server's catalog search does the matching.
 */
export function MatterPicker({
  id,
  value,
  onChange,
  status,
  allowClear = true,
  allowMajors = false,
  testId,
}: MatterPickerProps) {
  const t = useT(casesMessages);
  const { locale } = useLocale();
  const matters = useMatters();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CatalogEntry[] | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setFound(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      catalogApi.matters(text, ctrl.signal).then(
        (items) => {
          setFound(items);
          setSearching(false);
        },
        () => {
          if (!ctrl.signal.aborted) {
            setFound([]);
            setSearching(false);
          }
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  const options = useMemo(() => {
    const name = (m: CatalogEntry) => (locale === 'en' && m.nameEn ? m.nameEn : m.name);
    const list = found ?? matters.list;
    const opts = list.map((m) => ({
      value: m.code,
      label: `${m.code} ${name(m)}`,
      display: (
        <Space size={6} style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>
            <Typography.Text code>{m.code}</Typography.Text> {name(m)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.majorName}
          </Typography.Text>
        </Space>
      ),
    }));
    if (allowMajors && !found) {
      opts.unshift(
        ...matters.majors.map((mj) => ({
          value: mj.code,
          label: `${mj.code} ${mj.name}`,
          display: (
            <span>
              <Typography.Text code>{mj.code}</Typography.Text> <b>{mj.name}</b>
            </span>
          ),
        })),
      );
    }
    if (value && !opts.some((o) => o.value === value)) {
      opts.unshift({
        value,
        label: matters.label(value),
        display: <span>{matters.label(value)}</span>,
      });
    }
    return opts;
  }, [found, matters, locale, value, allowMajors]);

  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: string | undefined) => {
        setQ('');
        onChange?.(v);
      }}
      status={status}
      allowClear={allowClear}
      placeholder={t('matter.search')}
      loading={searching || matters.loading}
      notFoundContent={searching ? undefined : t('matter.noMatch')}
      options={options}
      optionRender={(o) => (o.data as { display: React.ReactNode }).display}
      optionLabelProp="label"
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}

import { Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { catalogApi } from '../../../api/catalog.api';
import type { MatterCondition } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';

export interface ConditionPickerProps {
  id?: string;
  matterCode: string | undefined;
  /** The case's area class: its limit is shown with each condition. */
  areaClass?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The chosen condition itself (limits, photo rule), for the parent form. */
  onPicked?: (condition: MatterCondition | undefined) => void;
  status?: 'error' | 'warning';
  testId?: string;
}

/** Picks a registration condition (立案条件) of a matter; a single condition is preselected. */
export function ConditionPicker({
  id,
  matterCode,
  areaClass,
  value,
  onChange,
  onPicked,
  status,
  testId,
}: ConditionPickerProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const r = useResource(
    () =>
      matterCode
        ? cached(`catalog.conditions.${matterCode}`, () => catalogApi.conditions(matterCode))
        : Promise.resolve([] as MatterCondition[]),
    [matterCode],
  );
  const items = (r.data ?? []).filter((c) => c.active);

  // One condition only: there is nothing to choose.
  useEffect(() => {
    if (!r.loading && items.length === 1 && value !== items[0]?.id) {
      onChange?.(items[0]?.id);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [r.data, r.loading]);

  useEffect(() => {
    onPicked?.(items.find((c) => c.id === value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the choice changes
  }, [value, r.data]);

  const limitOf = (c: MatterCondition) =>
    areaClass && c.limits[areaClass as 'A' | 'B' | 'C']
      ? t('condition.limit', {
          area: areaClass,
          limit: labels.limit(c.limits[areaClass as 'A' | 'B' | 'C']),
        })
      : '';

  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      status={status}
      disabled={!matterCode}
      loading={r.loading && Boolean(matterCode)}
      placeholder={matterCode ? undefined : t('condition.pickMatter')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      options={items.map((c) => ({
        value: c.id,
        label: c.name,
        display: (
          <Space orientation="vertical" size={0} style={{ maxWidth: 520, whiteSpace: 'normal' }}>
            <span>{c.name}</span>
            <Space size={4} wrap>
              {limitOf(c) ? <Tag color="blue">{limitOf(c)}</Tag> : null}
              {c.photoRequired ? <Tag>{t('condition.photo')}</Tag> : null}
              {c.urgent ? <Tag color="red">{t('condition.urgent')}</Tag> : null}
            </Space>
            {c.closureCondition ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('condition.closure', { text: c.closureCondition })}
              </Typography.Text>
            ) : null}
          </Space>
        ),
      }))}
      optionRender={(o) => (o.data as { display: React.ReactNode }).display}
    />
  );
}

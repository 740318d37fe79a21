import { Select } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/hooks/useT';
import { useUnits } from '../../reference/hooks/useUnits';
import { casesMessages } from '../cases.messages';

export interface UnitSelectProps {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Marked "(proposed)" and listed first. */
  proposedUnitId?: string | null;
  /** Only units that handle cases (default true). */
  handlingOnly?: boolean;
  allowClear?: boolean;
  status?: 'error' | 'warning';
  placeholder?: string;
  testId?: string;
}

/** Picks a handling unit by name (searchable). */
export function UnitSelect({
  id,
  value,
  onChange,
  proposedUnitId,
  handlingOnly = true,
  allowClear,
  status,
  placeholder,
  testId,
}: UnitSelectProps) {
  const t = useT(casesMessages);
  const units = useUnits();
  const options = useMemo(() => {
    const list = units.list.filter(
      (u) =>
        u.active && (!handlingOnly || u.kind === 'handling_unit' || u.kind === 'street_office'),
    );
    list.sort((a, b) =>
      a.id === proposedUnitId ? -1 : b.id === proposedUnitId ? 1 : a.code.localeCompare(b.code),
    );
    return list.map((u) => ({
      value: u.id,
      label: `${units.name(u.id)}${u.id === proposedUnitId ? t('unit.proposed') : ''}`,
    }));
  }, [units, handlingOnly, proposedUnitId, t]);
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.loading}
      allowClear={allowClear}
      status={status}
      placeholder={placeholder ?? t('unit.search')}
      style={{ width: '100%' }}
    />
  );
}

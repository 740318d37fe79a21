import { TIME_UNITS, type TimeUnit } from '@common/roles';
import { InputNumber, Select, Space } from 'antd';
import type { Limit } from '../../../api/types';
import { useT } from '../../i18n/hooks/useT';
import { adminTimeMessages } from '../admin-time.messages';

export interface LimitInputProps {
  id?: string;
  value?: Limit;
  onChange?: (v: Limit) => void;
  status?: 'error' | 'warning' | '';
  testId?: string;
}

/** A time limit: an amount and its unit (minutes, hours, working hours, working days). */
export function LimitInput({ id, value, onChange, status, testId }: LimitInputProps) {
  const t = useT(adminTimeMessages);
  const v = value ?? { amount: 1, unit: 'working_hour' as TimeUnit };
  return (
    <Space.Compact id={id} data-testid={testId}>
      <InputNumber
        min={1}
        max={100000}
        precision={0}
        value={value?.amount ?? null}
        status={status || undefined}
        onChange={(n) => onChange?.({ ...v, amount: typeof n === 'number' ? n : 0 })}
        style={{ width: 96 }}
      />
      <Select<TimeUnit>
        value={v.unit}
        onChange={(unit) => onChange?.({ ...v, unit })}
        options={TIME_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
        style={{ width: 120 }}
        popupMatchSelectWidth={false}
      />
    </Space.Compact>
  );
}

/** True when a limit is a whole amount the server accepts. */
export function isValidLimit(l: Limit | undefined): boolean {
  return Boolean(l && Number.isInteger(l.amount) && l.amount >= 1 && l.amount <= 100000);
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TIME_UNITS, type TimeUnit } from '@common/roles';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { adminApi, type CalendarDay, type CalendarWarning } from '../../../api/admin.api';
import { clockApi } from '../../../api/clock.api';
import { ApiError } from '../../../api/http';
import { coreMessages } from '../../core/core.messages';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { adminTimeMessages } from '../admin-time.messages';
import { adminMessages } from '../admin.messages';
import { AdminSection } from './AdminSection';

const HHMM = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

interface DayRow {
  date?: Dayjs;
  kind: 'holiday' | 'workday';
  name?: string;
}

interface YearValues {
  official: boolean;
  note?: string;
  days: DayRow[];
}

/** A form field path from a server path: numeric segments are list indexes. */
function formPath(name: (string | number)[]): (string | number)[] {
  return name.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
}

/** The year's warning in the console's language (the server's text is English). */
function useWarningText() {
  const t = useT(adminTimeMessages);
  return (w: CalendarWarning | string) =>
    typeof w === 'string'
      ? w
      : w.code === 'CALENDAR_YEAR_MISSING'
        ? t('cal.missing', { year: w.year })
        : w.message;
}

/** One year's holidays and make-up working days, edited as a whole and saved at once. */
function YearEditor({ year, onSaved }: { year: number; onSaved: () => void }) {
  const t = useT(adminTimeMessages);
  const ta = useT(adminMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const { fieldErrors } = useApiErrors();
  const [form] = Form.useForm<YearValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<string[]>([]);
  const data = useResource((signal) => adminApi.calendarYear(year, signal), [year]);

  if (!data.data) {
    return <Skeleton active />;
  }
  const initial: YearValues = {
    official: data.data.official,
    note: data.data.note ?? undefined,
    days: data.data.days.map((d) => ({ date: dayjs(d.date), kind: d.kind, name: d.name })),
  };

  const handleFinish = async (v: YearValues) => {
    setBusy(true);
    setError(null);
    setRowErrors([]);
    const days: CalendarDay[] = (v.days ?? [])
      .map((d) => ({
        date: d.date!.format('YYYY-MM-DD'),
        kind: d.kind,
        name: (d.name ?? '').trim(),
      }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    try {
      await adminApi.putCalendarYear(year, {
        official: v.official,
        note: v.note?.trim() || null,
        days,
      });
      void message.success(ta('common.saved'));
      onSaved();
      data.reload();
    } catch (err) {
      setError(errorText(err));
      const fields = fieldErrors(err).map((f) => ({ ...f, name: formPath(f.name) }));
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      if (err instanceof ApiError) {
        setRowErrors(
          err.fieldIssues.map((i) => {
            const m = /days\.(\d+)/.exec(i.path);
            return m ? t('cal.rowError', { row: Number(m[1]) + 1, message: i.message }) : i.message;
          }),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<YearValues>
      key={year}
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void handleFinish(v)}
      data-testid="calendar-year-form"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          description={rowErrors.length > 0 ? rowErrors.slice(0, 10).join('；') : undefined}
          style={{ marginBottom: 12 }}
          data-testid="calendar-error"
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="official" label={t('cal.officialSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="note" label={t('cal.note')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="days">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start" wrap data-testid="calendar-day">
                <Form.Item
                  name={[f.name, 'date']}
                  rules={[{ required: true, message: t('cal.dateRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <DatePicker
                    placeholder={t('cal.date')}
                    minDate={dayjs(`${year}-01-01`)}
                    maxDate={dayjs(`${year}-12-31`)}
                    style={{ width: 150 }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 8 }}>
                  <Select
                    style={{ width: 130 }}
                    options={[
                      { value: 'holiday', label: t('cal.kind.holiday') },
                      { value: 'workday', label: t('cal.kind.workday') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, max: 50, message: t('cal.nameRequired') },
                  ]}
                  style={{ marginBottom: 8, flex: 1, minWidth: 120 }}
                >
                  <Input placeholder={t('cal.name')} maxLength={50} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label="remove"
                />
              </Flex>
            ))}
            <Flex gap={8} justify="space-between" wrap style={{ marginTop: 4 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'holiday' })}
                data-testid="calendar-add-day"
              >
                {t('cal.addDay')}
              </Button>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="calendar-save">
                {t('cal.save', { year })}
              </Button>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </Form>
  );
}

/** The working periods of a working day. */
function WorkingPeriods({
  zone,
  periods,
  onSaved,
}: {
  zone: string;
  periods: { start: string; end: string }[];
  onSaved: () => void;
}) {
  const t = useT(adminTimeMessages);
  const ta = useT(adminMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <AdminSection
      title={t('cal.periods')}
      intro={t('cal.periodsIntro', { zone })}
      testId="working-periods"
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Form<{ periods: { start: string; end: string }[] }>
        layout="inline"
        initialValues={{ periods }}
        onFinish={(v) => {
          setBusy(true);
          setError(null);
          adminApi
            .putWorkingPeriods(v.periods)
            .then(
              () => {
                void message.success(ta('common.saved'));
                onSaved();
              },
              (err: unknown) => setError(errorText(err)),
            )
            .finally(() => setBusy(false));
        }}
      >
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ width: '100%' }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item
                    name={[f.name, 'start']}
                    rules={[{ required: true, pattern: HHMM, message: t('cal.timeRule') }]}
                  >
                    <Input placeholder={t('cal.start')} style={{ width: 90 }} maxLength={5} />
                  </Form.Item>
                  <span style={{ lineHeight: '32px' }}>–</span>
                  <Form.Item
                    name={[f.name, 'end']}
                    rules={[{ required: true, pattern: HHMM, message: t('cal.timeRule') }]}
                  >
                    <Input placeholder={t('cal.end')} style={{ width: 90 }} maxLength={5} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    disabled={fields.length <= 1}
                    aria-label="remove"
                  />
                </Flex>
              ))}
              <Flex gap={8}>
                <Button icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })}>
                  {t('cal.addPeriod')}
                </Button>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('cal.savePeriods')}
                </Button>
              </Flex>
            </Flex>
          )}
        </Form.List>
      </Form>
    </AdminSection>
  );
}

/** The deadline of a limit from a start, on the current calendar. */
function DeadlinePreview() {
  const t = useT(adminTimeMessages);
  const errorText = useFeatureErrors(adminMessages);
  const warningText = useWarningText();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{
    deadline: string;
    warnings: (CalendarWarning | string)[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <AdminSection title={t('cal.preview')} intro={t('cal.previewIntro')} testId="deadline-preview">
      <Form<{ start?: Dayjs; amount?: number; unit: TimeUnit }>
        layout="inline"
        initialValues={{ start: dayjs().startOf('hour'), amount: 4, unit: 'working_hour' }}
        onFinish={(v) => {
          if (!v.start || !v.amount) {
            setError(t('cal.previewRequired'));
            return;
          }
          setBusy(true);
          setError(null);
          // A wall-clock time without offset: the server reads it in the city's zone.
          clockApi
            .deadline(v.start.format('YYYY-MM-DDTHH:mm:ss'), v.amount, v.unit)
            .then(
              (a) =>
                setAnswer({
                  deadline: a.deadline,
                  warnings: a.warnings as unknown as (CalendarWarning | string)[],
                }),
              (err: unknown) => setError(errorText(err)),
            )
            .finally(() => setBusy(false));
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="start" label={t('cal.previewStart')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="preview-start"
          />
        </Form.Item>
        <Form.Item name="amount" label={t('cal.previewAmount')}>
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            style={{ width: 100 }}
            data-testid="preview-amount"
          />
        </Form.Item>
        <Form.Item name="unit">
          <Select
            style={{ width: 120 }}
            options={TIME_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="preview-run">
          {t('cal.previewRun')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {answer ? (
        <Alert
          type={answer.warnings.length > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="preview-result"
          title={t('cal.previewResult', { deadline: formatTime(answer.deadline) })}
          description={
            answer.warnings.length > 0 ? answer.warnings.map(warningText).join(' ') : undefined
          }
        />
      ) : null}
    </AdminSection>
  );
}

/** The working calendar: years with their holidays, working periods and a deadline preview. */
export function CalendarAdmin() {
  const t = useT(adminTimeMessages);
  const tc = useT(coreMessages);
  const warningText = useWarningText();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = useResource((signal) => adminApi.calendarYears(signal), []);
  const current = useResource((signal) => adminApi.calendarYear(thisYear, signal), []);
  const choices = useMemo(
    () =>
      [
        ...new Set([...(years.data?.years ?? []).map((y) => y.year), thisYear, thisYear + 1]),
      ].sort(),
    [years.data, thisYear],
  );
  return (
    <div>
      {(years.data?.warnings ?? []).map((w) => (
        <Alert
          key={`${w.code}-${w.year}`}
          type="warning"
          showIcon
          title={warningText(w)}
          style={{ marginBottom: 12 }}
          data-testid="calendar-warning"
        />
      ))}
      <AdminSection title={t('cal.years')} testId="calendar-years">
        {years.error ? (
          <Alert type="error" showIcon title={tc('error.load', { message: years.error.message })} />
        ) : null}
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          loading={years.loading}
          dataSource={years.data?.years ?? []}
          onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('cal.year'), dataIndex: 'year', width: 90 },
            {
              title: t('cal.official'),
              dataIndex: 'official',
              width: 90,
              render: (o: boolean) => (o ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
            },
            {
              title: t('cal.kind.holiday'),
              dataIndex: 'holidays',
              render: (n: number) => t('cal.holidays', { n }),
            },
            {
              title: t('cal.kind.workday'),
              dataIndex: 'workdays',
              render: (n: number) => t('cal.workdays', { n }),
            },
            { title: t('cal.note'), dataIndex: 'note', responsive: ['md'] },
          ]}
        />
      </AdminSection>
      <AdminSection
        title={t('cal.edit', { year })}
        testId="calendar-year"
        extra={
          <Select
            value={year}
            onChange={setYear}
            options={choices.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
            data-testid="calendar-year-select"
          />
        }
      >
        <YearEditor key={year} year={year} onSaved={years.reload} />
      </AdminSection>
      {current.data ? (
        <WorkingPeriods
          zone={current.data.timeZone}
          periods={current.data.periods}
          onSaved={current.reload}
        />
      ) : (
        <Typography.Text type="secondary">{tc('common.loading')}</Typography.Text>
      )}
      <DeadlinePreview />
    </div>
  );
}

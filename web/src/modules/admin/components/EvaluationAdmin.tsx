import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Flex,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Typography,
} from 'antd';
import { PUBLIC_BOARD_PERIODS, PUBLIC_BOARD_SUBJECTS } from '@common/evaluation';
import { useState } from 'react';
import {
  evaluationApi,
  type EvaluationSettings,
  type EvaluationSubject,
  type WeightedComponent,
} from '../../../api/evaluation.api';
import { ApiError } from '../../../api/http';
import { coreMessages } from '../../core/core.messages';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { adminEvalMessages } from '../admin-eval.messages';
import { adminMessages } from '../admin.messages';
import {
  settingsProblems,
  shares,
  SUBJECT_INDICATORS,
  SUBJECTS,
} from '../utils/evaluationSettings';
import { AdminSection } from './AdminSection';

type Numbers<T> = { [K in keyof T]: number };

/** A row of labelled number inputs bound to one object of the settings. */
function NumberRow<T extends Record<string, number>>({
  value,
  labels,
  onChange,
  max = 100,
  status,
}: {
  value: T;
  labels: Record<keyof T & string, string>;
  onChange: (v: T) => void;
  max?: number;
  status?: 'error';
}) {
  return (
    <Row gutter={[12, 8]}>
      {(Object.keys(labels) as (keyof T & string)[]).map((k) => (
        <Col key={k} xs={12} md={8} lg={4} data-testid={`eval-${k}`}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {labels[k]}
          </Typography.Text>
          <InputNumber
            min={0}
            max={max}
            value={value[k]}
            status={status}
            onChange={(n) => onChange({ ...value, [k]: typeof n === 'number' ? n : 0 })}
            style={{ width: '100%' }}
          />
        </Col>
      ))}
    </Row>
  );
}

/** The evaluation settings: composite weights per subject, grades, red/yellow lists, 721 targets. */
export function EvaluationAdmin() {
  const t = useT(adminEvalMessages);
  const labels = useLabels();
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const loaded = useResource((signal) => evaluationApi.settings(signal), []);
  const [edited, setDraft] = useState<EvaluationSettings | null>(null);
  const draft = edited ?? loaded.data ?? null;
  const [subject, setSubject] = useState<EvaluationSubject>('unit');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; issues: string[] } | null>(null);
  const [tried, setTried] = useState(false);

  if (!draft) {
    return loaded.error ? (
      <Alert type="error" showIcon title={tc('error.load', { message: loaded.error.message })} />
    ) : (
      <Skeleton active />
    );
  }

  const list = draft.composites[subject] ?? [];
  const setList = (next: WeightedComponent[]) =>
    setDraft({ ...draft, composites: { ...draft.composites, [subject]: next } });
  const problems = settingsProblems(draft);
  const show = (where: string, s?: EvaluationSubject) =>
    tried
      ? problems.filter((p) => p.where === where && (!s || p.subject === s)).map((p) => t(p.key))
      : [];
  const pct = shares(list);

  const save = () => {
    setTried(true);
    setError(null);
    if (problems.length > 0) {
      // Open the first subject with a problem, so the admin sees it.
      const first = problems.find((p) => p.subject);
      if (first?.subject) {
        setSubject(first.subject);
      }
      return;
    }
    setBusy(true);
    evaluationApi
      .putSettings(draft)
      .then(
        (s) => {
          setDraft(s);
          setTried(false);
          void message.success(ta('common.saved'));
        },
        (err: unknown) =>
          setError({
            text: errorText(err),
            issues:
              err instanceof ApiError
                ? err.fieldIssues.map((i) =>
                    t('eval.issue', { path: i.path.replace(/^body\./, ''), message: i.message }),
                  )
                : [],
          }),
      )
      .finally(() => setBusy(false));
  };

  const componentProblems = show('components', subject);
  return (
    <div data-testid="admin-evaluation">
      <Alert type="info" showIcon title={t('eval.intro')} style={{ marginBottom: 12 }} />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.text}
          description={error.issues.length > 0 ? error.issues.join('；') : undefined}
          style={{ marginBottom: 12 }}
          data-testid="eval-error"
        />
      ) : null}
      <AdminSection
        title={t('eval.components')}
        extra={
          <Select
            value={subject}
            onChange={setSubject}
            options={SUBJECTS.map((s) => ({
              value: s,
              label: `${labels.subject(s)}${tried && problems.some((p) => p.subject === s) ? ' ⚠' : ''}`,
            }))}
            style={{ width: 150 }}
            data-testid="eval-subject"
          />
        }
      >
        {componentProblems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={componentProblems.join('；')}
            data-testid="eval-problem"
          />
        ) : null}
        <Table<WeightedComponent & { i: number }>
          size="small"
          rowKey="i"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={list.map((c, i) => ({ ...c, i }))}
          columns={[
            {
              title: t('eval.indicator'),
              dataIndex: 'indicator',
              render: (v: string, row) => (
                <Select
                  value={v || undefined}
                  status={!v && tried ? 'error' : undefined}
                  placeholder={t('eval.indicatorRequired')}
                  onChange={(ind: string) =>
                    setList(list.map((c, j) => (j === row.i ? { ...c, indicator: ind } : c)))
                  }
                  options={SUBJECT_INDICATORS[subject].map((x) => ({
                    value: x,
                    label: labels.indicator(x),
                    disabled: list.some((c, j) => j !== row.i && c.indicator === x),
                  }))}
                  style={{ width: 200 }}
                />
              ),
            },
            {
              title: t('eval.weight'),
              dataIndex: 'weight',
              width: 130,
              render: (v: number, row) => (
                <InputNumber
                  min={0}
                  max={1000}
                  value={v}
                  onChange={(n) =>
                    setList(
                      list.map((c, j) =>
                        j === row.i ? { ...c, weight: typeof n === 'number' ? n : 0 } : c,
                      ),
                    )
                  }
                  data-testid="eval-weight"
                />
              ),
            },
            {
              title: t('eval.share'),
              key: 'share',
              width: 90,
              render: (_, row) => `${pct[row.i] ?? 0}%`,
            },
            {
              title: ta('common.actions'),
              key: 'remove',
              width: 70,
              render: (_, row) => (
                <Button
                  icon={<DeleteOutlined />}
                  disabled={list.length <= 1}
                  onClick={() => setList(list.filter((_c, j) => j !== row.i))}
                  aria-label={tc('common.delete')}
                />
              ),
            },
          ]}
        />
        <Flex>
          <Button
            icon={<PlusOutlined />}
            disabled={list.length >= SUBJECT_INDICATORS[subject].length}
            onClick={() => setList([...list, { indicator: '', weight: 10 }])}
          >
            {t('eval.addComponent')}
          </Button>
        </Flex>
      </AdminSection>
      <AdminSection title={t('eval.grades')}>
        {show('grades').length > 0 ? (
          <Alert type="error" showIcon title={show('grades').join('；')} />
        ) : null}
        <NumberRow
          value={draft.grades}
          labels={{ A: 'A', B: 'B', C: 'C', D: 'D' }}
          onChange={(grades) => setDraft({ ...draft, grades })}
          status={show('grades').length > 0 ? 'error' : undefined}
        />
      </AdminSection>
      <AdminSection title={t('eval.ranking')}>
        <NumberRow<Numbers<EvaluationSettings['rankings']>>
          value={draft.rankings}
          max={1_000_000}
          labels={{
            top: t('eval.rankTop'),
            bottom: t('eval.rankBottom'),
            redMin: t('eval.redMin'),
            yellowBelow: t('eval.yellowBelow'),
            minVolume: t('eval.minVolume'),
          }}
          onChange={(rankings) => setDraft({ ...draft, rankings })}
        />
      </AdminSection>
      <AdminSection title={t('eval.ratio721')}>
        {show('ratio721').length > 0 ? (
          <Alert type="error" showIcon title={show('ratio721').join('；')} />
        ) : null}
        <NumberRow
          value={draft.ratio721}
          labels={{
            service: labels.disposal('service'),
            management: labels.disposal('management'),
            enforcement: labels.disposal('enforcement'),
          }}
          onChange={(ratio721) => setDraft({ ...draft, ratio721 })}
          status={show('ratio721').length > 0 ? 'error' : undefined}
        />
      </AdminSection>
      <AdminSection title={t('eval.board')}>
        <Flex vertical gap={12} data-testid="eval-board">
          <Typography.Text type="secondary">{t('eval.boardIntro')}</Typography.Text>
          {show('publicBoard').length > 0 ? (
            <Alert type="error" showIcon title={show('publicBoard').join('；')} />
          ) : null}
          <Flex gap={8} align="center">
            <Switch
              checked={draft.publicBoard.enabled}
              onChange={(enabled) =>
                setDraft({ ...draft, publicBoard: { ...draft.publicBoard, enabled } })
              }
              data-testid="eval-board-enabled"
            />
            <Typography.Text>{t('eval.boardEnabled')}</Typography.Text>
          </Flex>
          <Flex wrap gap={8} align="center">
            <Typography.Text>{t('eval.boardSubjects')}</Typography.Text>
            <Checkbox.Group
              value={draft.publicBoard.subjects}
              onChange={(v) =>
                setDraft({
                  ...draft,
                  publicBoard: {
                    ...draft.publicBoard,
                    // Kept in the API's order: the first is the board the portal opens with.
                    subjects: PUBLIC_BOARD_SUBJECTS.filter((x) => v.includes(x)),
                  },
                })
              }
              options={PUBLIC_BOARD_SUBJECTS.map((x) => ({ value: x, label: labels.subject(x) }))}
            />
          </Flex>
          <Flex wrap gap={8} align="center">
            <Typography.Text>{t('eval.boardPeriods')}</Typography.Text>
            <Checkbox.Group
              value={draft.publicBoard.periods}
              onChange={(v) =>
                setDraft({
                  ...draft,
                  publicBoard: {
                    ...draft.publicBoard,
                    periods: PUBLIC_BOARD_PERIODS.filter((x) => v.includes(x)),
                  },
                })
              }
              options={PUBLIC_BOARD_PERIODS.map((x) => ({
                value: x,
                label: t(`eval.period.${x}`),
              }))}
            />
          </Flex>
          <Flex wrap gap={24}>
            {(['completedOnly', 'showLists', 'showCounts'] as const).map((k) => (
              <Flex key={k} gap={8} align="center">
                <Switch
                  size="small"
                  checked={draft.publicBoard[k]}
                  onChange={(on) =>
                    setDraft({ ...draft, publicBoard: { ...draft.publicBoard, [k]: on } })
                  }
                />
                <Typography.Text>{t(`eval.board.${k}`)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Flex>
      </AdminSection>
      <Flex justify="end">
        <Button type="primary" size="large" loading={busy} onClick={save} data-testid="eval-save">
          {t('eval.save')}
        </Button>
      </Flex>
    </div>
  );
}

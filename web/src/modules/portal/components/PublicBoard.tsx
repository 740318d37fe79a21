import {
  InfoCircleOutlined,
  LeftOutlined,
  RightOutlined,
  SearchOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Result,
  Row,
  Segmented,
  Skeleton,
  Table,
  Tabs,
  Tag,
  theme,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import {
  isNotPublished,
  PUBLIC_BOARD_PERIODS,
  PUBLIC_BOARD_SUBJECTS,
  publicBoardApi,
  type PublicBoard as Board,
  type PublicBoardPeriod,
  type PublicBoardPeriodKind,
  type PublicBoardRow,
  type PublicBoardSubject,
} from '../../../api/public-board.api';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useScreens } from '../../core/hooks/useScreens';
import { useResource } from '../../core/hooks/useResource';
import { useUrlParams } from '../../core/hooks/useUrlParams';
import { useLocale } from '../../i18n/hooks/useLocale';
import { GradeTag } from '../../core/components/GradeTag';
import { formatScore } from '../../core/utils/grades';
import { useT } from '../../i18n/hooks/useT';
import { usePublicBoardChoices } from '../hooks/usePublicBoardChoices';
import { portalMessages } from '../portal.messages';
import {
  boardKey,
  countColumns,
  filterRows,
  isPeriodOpen,
  periodTitle,
  stepBoard,
} from '../utils/publicBoard';

/** Rows per page of the ranking; a longer ranking also gets a name search. */
const PAGE_SIZE = 20;

/** Column widths (px) of the ranking. */
const COL = { rank: 52, name: 128, composite: 72, grade: 64, count: 88 } as const;

const asSubject = (v: string | null) => PUBLIC_BOARD_SUBJECTS.find((s) => s === v);
const asKind = (v: string | null) => PUBLIC_BOARD_PERIODS.find((k) => k === v);

/** The calm answer to a board the city does not publish. */
function NotPublished({ extra }: { extra?: ReactNode }) {
  const t = useT(portalMessages);
  const { token } = theme.useToken();
  return (
    <Result
      icon={<InfoCircleOutlined style={{ color: token.colorTextTertiary }} />}
      title={t('board.notPublished')}
      subTitle={t('board.notPublishedHint')}
      extra={extra}
      style={{ padding: '24px 8px' }}
      data-testid="board-not-published"
    />
  );
}

/** A failed call, said the way the rest of the portal says it, with a retry. */
function Failed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT(portalMessages);
  const errorText = useFeatureErrors(portalMessages);
  return (
    <Result
      status="warning"
      title={errorText(error)}
      extra={<Button onClick={onRetry}>{t('board.retry')}</Button>}
      style={{ padding: '24px 8px' }}
      data-testid="board-error"
    />
  );
}

/** The rank, in a fixed-width figure so the names line up. */
function Rank({ rank }: { rank: number }) {
  return (
    <span
      style={{
        display: 'inline-block',
        minWidth: 24,
        textAlign: 'center',
        fontWeight: 600,
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {rank}
    </span>
  );
}

/** 红榜 or 黄榜: rank, name, score and grade of each subject on it. */
function BoardList({ kind, rows }: { kind: 'red' | 'yellow'; rows: readonly PublicBoardRow[] }) {
  const t = useT(portalMessages);
  const { token } = theme.useToken();
  const red = kind === 'red';
  const color = red ? token.colorError : token.colorWarning;
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={6}>
          {red ? <TrophyOutlined style={{ color }} /> : <WarningOutlined style={{ color }} />}
          <span>{t(red ? 'board.red' : 'board.yellow')}</span>
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(red ? 'board.redHint' : 'board.yellowHint')}
        </Typography.Text>
      }
      styles={{
        header: { background: red ? token.colorErrorBg : token.colorWarningBg },
        body: { padding: '8px 12px' },
      }}
      style={{ height: '100%' }}
      data-testid={`board-${kind}`}
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('board.listEmpty')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {rows.map((r) => (
            <Flex key={`${r.rank}|${r.name}`} align="center" gap={8} data-testid="board-list-row">
              <Rank rank={r.rank} />
              <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis={{ tooltip: r.name }}>
                {r.name}
              </Typography.Text>
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatScore(r.composite)}
              </Typography.Text>
              <GradeTag grade={r.grade} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The period shown, with the steps to the one before and the one after. */
function PeriodStepper({
  period,
  latest,
  busy,
  onStep,
}: {
  period: PublicBoardPeriod;
  latest: PublicBoardPeriod | undefined;
  busy: boolean;
  onStep: (date: string | null) => void;
}) {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  // On a phone the buttons keep only their arrows: the title and dates need the room.
  const narrow = !useScreens().sm;
  const prev = stepBoard(period, -1, latest);
  const next = stepBoard(period, 1, latest);
  const title = periodTitle(period, locale);
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <Button
        icon={<LeftOutlined />}
        disabled={!prev || busy}
        onClick={() => prev && onStep(prev.date)}
        aria-label={t('board.prev')}
        title={t('board.prev')}
        data-testid="board-prev"
      >
        {narrow ? null : t('board.prev')}
      </Button>
      <div
        style={{ flex: 1, minWidth: 0, textAlign: 'center' }}
        data-testid="board-period"
        data-label={period.label}
      >
        <Typography.Text strong style={{ fontSize: 16 }}>
          {title.key === null ? title.text : t(title.key, title.vars)}
        </Typography.Text>
        {isPeriodOpen(period, Date.now()) ? (
          <Tag color="processing" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
            {t('board.open')}
          </Tag>
        ) : null}
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}
        >
          {t('board.dates', { from: period.from, to: period.to })}
        </Typography.Text>
      </div>
      <Button
        icon={<RightOutlined />}
        iconPlacement="end"
        disabled={!next || busy}
        onClick={() => next && onStep(next.date)}
        aria-label={t('board.next')}
        title={t('board.next')}
        data-testid="board-next"
      >
        {narrow ? null : t('board.next')}
      </Button>
    </Flex>
  );
}

/** The full ranking: rank, name, score, grade, and the counts when the city shows them. */
function RankingTable({ board, loading }: { board: Board; loading: boolean }) {
  const t = useT(portalMessages);
  const [search, setSearch] = useState('');
  const counts = countColumns(board.subject, board.ranked);
  const rows = useMemo(
    () => filterRows(board.ranked, search).map((r) => ({ ...r, key: `${r.rank}|${r.name}` })),
    [board.ranked, search],
  );
  // With counts the table is wider than a phone: there rank and name stay in place while the
  // counts scroll, and the first four columns fit a 390 px screen.
  const phone = !useScreens().sm;
  const scrolls = counts.length > 0 && phone;
  const columns: ColumnsType<PublicBoardRow> = [
    {
      key: 'rank',
      title: t('board.col.rank'),
      dataIndex: 'rank',
      width: COL.rank,
      align: 'center',
      fixed: scrolls ? 'left' : undefined,
      render: (rank: number) => <Rank rank={rank} />,
    },
    {
      key: 'name',
      title: t('board.col.name'),
      dataIndex: 'name',
      width: scrolls ? COL.name : undefined,
      fixed: scrolls ? 'left' : undefined,
    },
    {
      key: 'composite',
      title: t('board.col.composite'),
      dataIndex: 'composite',
      width: COL.composite,
      align: 'right',
      render: (v: number) => (
        <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
          {formatScore(v)}
        </span>
      ),
    },
    {
      key: 'grade',
      title: t('board.col.grade'),
      dataIndex: 'grade',
      width: COL.grade,
      align: 'center',
      render: (g: PublicBoardRow['grade']) => <GradeTag grade={g} />,
    },
    ...counts.map((c) => ({
      key: c,
      title: t(`board.count.${c}`),
      width: COL.count,
      align: 'right' as const,
      render: (_: unknown, r: PublicBoardRow) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.counts?.[c] ?? '—'}</span>
      ),
    })),
  ];
  return (
    <Flex vertical gap={8}>
      {board.ranked.length > PAGE_SIZE ? (
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('board.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="board-search"
        />
      ) : null}
      <div data-testid="board-table">
        <Table<PublicBoardRow>
          size="small"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={
            rows.length > PAGE_SIZE
              ? { pageSize: PAGE_SIZE, showSizeChanger: false, size: 'small' }
              : false
          }
          scroll={
            scrolls
              ? { x: COL.rank + COL.name + COL.composite + COL.grade + COL.count * counts.length }
              : undefined
          }
          locale={{ emptyText: t('board.noMatch', { text: search.trim() }) }}
        />
      </div>
    </Flex>
  );
}

/** The board of the chosen subject, period kind and period, once the choices are known. */
function BoardView({
  first,
  subjects,
  kinds,
}: {
  first: Board;
  subjects: PublicBoardSubject[];
  kinds: PublicBoardPeriodKind[];
}) {
  const t = useT(portalMessages);
  const params = useUrlParams();
  const { locale } = useLocale();
  const narrow = !useScreens().sm;
  const subject = asSubject(params.get('subject')) ?? first.subject;
  const kind = asKind(params.get('period')) ?? first.period.kind;
  // null: the latest published period (the board the server answers without a date).
  const [date, setDate] = useState<string | null>(null);
  // The latest period of each kind, from the boards asked for without a date.
  const [latest, setLatest] = useState<Partial<Record<PublicBoardPeriodKind, PublicBoardPeriod>>>(
    () => ({ [first.period.kind]: first.period }),
  );
  // Boards already seen: stepping back and forth or switching subjects asks once.
  const cache = useRef(new Map([[boardKey(first.subject, first.period.kind, null), first]]));
  const r = useResource(
    async (signal) => {
      const key = boardKey(subject, kind, date);
      const seen = cache.current.get(key);
      if (seen) {
        return seen;
      }
      const b = await publicBoardApi.board(
        { subject, period: kind, date: date ?? undefined },
        signal,
      );
      cache.current.set(key, b);
      if (date === null) {
        setLatest((l) => ({ ...l, [kind]: b.period }));
      }
      return b;
    },
    [subject, kind, date],
  );
  const board = r.data;
  const subjectName = (s: PublicBoardSubject) => t(`board.subject.${s}`);
  const failed = r.error && !r.loading ? r.error : null;

  return (
    <Flex vertical gap={12}>
      <Card size="small" styles={{ body: { padding: 8 } }} data-testid="board-choices">
        <Flex vertical gap={8}>
          {subjects.length > 1 ? (
            // Tabs, not a segmented control: five names in English are about as wide as a
            // phone (hence the narrow gap), and tabs scroll when they do not fit.
            <Tabs
              centered
              tabBarGutter={narrow && locale === 'en' ? 12 : undefined}
              activeKey={subject}
              onChange={(k) => params.set('subject', k)}
              items={subjects.map((s) => ({ key: s, label: subjectName(s) }))}
              tabBarStyle={{ margin: '0 4px' }}
              data-testid="board-subjects"
            />
          ) : null}
          {kinds.length > 1 ? (
            <Segmented
              block
              value={kind}
              onChange={(v) => {
                params.set('period', v);
                setDate(null);
              }}
              options={kinds.map((k) => ({ value: k, label: t(`board.kind.${k}`) }))}
              data-testid="board-kinds"
            />
          ) : null}
          {board && !failed ? (
            <PeriodStepper
              period={board.period}
              latest={latest[board.period.kind]}
              busy={r.loading}
              onStep={setDate}
            />
          ) : null}
        </Flex>
      </Card>
      {failed ? (
        <Card size="small">
          {isNotPublished(failed) ? (
            <NotPublished
              extra={
                date !== null ? (
                  <Button onClick={() => setDate(null)}>{t('board.latest')}</Button>
                ) : undefined
              }
            />
          ) : (
            <Failed error={failed} onRetry={r.reload} />
          )}
        </Card>
      ) : !board ? (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : board.ranked.length === 0 ? (
        <Card size="small">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Flex vertical gap={4}>
                <span>{t('board.empty')}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('board.emptyHint')}
                </Typography.Text>
              </Flex>
            }
            data-testid="board-empty"
          />
        </Card>
      ) : (
        <>
          {board.red && board.yellow ? (
            <Row gutter={[12, 12]}>
              <Col xs={24} sm={12}>
                <BoardList kind="red" rows={board.red} />
              </Col>
              <Col xs={24} sm={12}>
                <BoardList kind="yellow" rows={board.yellow} />
              </Col>
            </Row>
          ) : null}
          <Card
            size="small"
            title={t('board.ranking', { subject: subjectName(board.subject) })}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('board.total', { count: board.ranked.length })}
              </Typography.Text>
            }
          >
            <RankingTable
              key={boardKey(board.subject, board.period.kind, board.period.from)}
              board={board}
              loading={r.loading}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}

/**
 * The public performance board (绩效公示): the ranking of the units or areas the city
 * publishes, period by period, with its 红榜 and 黄榜.
 */
export function PublicBoard() {
  const t = useT(portalMessages);
  const choices = usePublicBoardChoices();
  return (
    <Flex vertical gap={12} data-testid="board">
      <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 13 }}>
        {t('board.intro')}
      </Typography.Text>
      {choices.first ? (
        <BoardView first={choices.first} subjects={choices.subjects} kinds={choices.kinds} />
      ) : (
        <Card size="small">
          {!choices.error ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : isNotPublished(choices.error) ? (
            <NotPublished />
          ) : (
            <Failed error={choices.error} onRetry={choices.reload} />
          )}
        </Card>
      )}
    </Flex>
  );
}

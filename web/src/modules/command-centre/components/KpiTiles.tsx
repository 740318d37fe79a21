import type { ReactNode } from 'react';
import { useT } from '../../i18n/hooks/useT';
import { commandCentreMessages } from '../command-centre.messages';
import type { CommandData } from '../hooks/useCommandData';
import { lightCounts } from '../utils/caseLights';
import { areaRates, percent, totalSeries } from '../utils/kpis';
import { BIG } from './theme';

interface TileProps {
  label: string;
  span?: number;
  value: ReactNode;
  sub?: ReactNode;
  color?: string;
  testId: string;
}

function Tile({ label, value, sub, color = BIG.accent, testId, span }: TileProps) {
  return (
    <div
      data-testid={testId}
      style={{
        gridColumn: span ? `span ${span}` : undefined,
        background: BIG.panel,
        border: `1px solid ${BIG.border}`,
        borderRadius: 8,
        padding: '10px 16px',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        minWidth: 0,
        position: 'relative',
        overflow: 'hidden',
      }}
    >
      <span
        style={{ position: 'absolute', left: 0, top: 0, bottom: 0, width: 4, background: color }}
      />
      <span style={{ color: BIG.muted, fontSize: 15, whiteSpace: 'nowrap' }}>{label}</span>
      <span
        data-testid={`${testId}-value`}
        style={{
          color,
          fontSize: 40,
          fontWeight: 700,
          lineHeight: 1.15,
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {value}
      </span>
      <span
        style={{
          color: BIG.muted,
          fontSize: 13,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {sub ?? '\u00a0'}
      </span>
    </div>
  );
}

/** The five figures of the big screen: today's intake, open, overdue, closure and on-time rates. */
export function KpiTiles({ data, columns }: { data: CommandData; columns: number }) {
  const t = useT(commandCentreMessages);
  const intake = totalSeries(data.intake.data);
  const today = intake.at(-1);
  const yesterday = intake.at(-2);
  const openTotal = data.open.data?.total;
  const overdueTotal = data.overdue.data?.total;
  const lights = lightCounts(data.open.data?.items ?? []);
  const rates = areaRates(data.month.data?.rows ?? []);
  const period = data.month.data?.period.label ?? '';
  const num = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString());
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gap: 12,
      }}
      data-testid="kpi-tiles"
    >
      <Tile
        testId="kpi-intake"
        label={t('kpi.todayIntake')}
        value={num(today)}
        sub={yesterday !== undefined ? t('kpi.todayIntakeSub', { n: yesterday }) : undefined}
      />
      <Tile
        testId="kpi-open"
        label={t('kpi.open')}
        value={num(openTotal)}
        color="#69b1ff"
        sub={t('kpi.openSub', { red: lights.red, yellow: lights.yellow })}
      />
      <Tile
        testId="kpi-overdue"
        label={t('kpi.overdue')}
        value={num(overdueTotal)}
        color={BIG.light.red}
        sub={
          openTotal && overdueTotal !== undefined
            ? t('kpi.overdueSub', { share: percent(overdueTotal / openTotal) })
            : undefined
        }
      />
      <Tile
        testId="kpi-closure"
        label={t('kpi.closureRate')}
        value={percent(rates.closure.value)}
        color={BIG.light.green}
        sub={t('kpi.rateSub', { period, n: rates.closure.numerator, d: rates.closure.denominator })}
      />
      <Tile
        testId="kpi-ontime"
        span={columns === 2 ? 2 : undefined}
        label={t('kpi.onTimeRate')}
        value={percent(rates.onTime.value)}
        color={BIG.light.yellow}
        sub={t('kpi.rateSub', { period, n: rates.onTime.numerator, d: rates.onTime.denominator })}
      />
    </div>
  );
}

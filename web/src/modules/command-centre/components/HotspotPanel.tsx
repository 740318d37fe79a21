import type { HotspotsView } from '../../../api/evaluation.api';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { commandCentreMessages } from '../command-centre.messages';
import { BIG } from './theme';

/** This month's grids with the most reports, and the repeat problems (马路办公). */
export function HotspotPanel({ hotspots }: { hotspots: HotspotsView | undefined }) {
  const t = useT(commandCentreMessages);
  const matters = useMatters();
  const grids = (hotspots?.grids ?? []).slice(0, 8);
  const repeats = (hotspots?.repeats ?? []).slice(0, 3);
  if (grids.length === 0) {
    return (
      <div style={{ color: BIG.muted, textAlign: 'center', paddingTop: 16 }}>{t('hot.empty')}</div>
    );
  }
  const max = Math.max(...grids.map((g) => g.count));
  return (
    <div
      data-testid="hotspots"
      style={{ height: '100%', overflowY: 'auto', color: BIG.text, fontSize: 13 }}
    >
      {grids.map((g, i) => (
        <div
          key={g.gridCode}
          style={{
            display: 'grid',
            gridTemplateColumns: '22px minmax(0,1fr) 56px',
            gap: 8,
            alignItems: 'center',
            padding: '4px 0',
          }}
        >
          <span style={{ color: i < 3 ? '#ff7a45' : BIG.muted, fontWeight: 700 }}>{i + 1}</span>
          <span style={{ minWidth: 0 }}>
            <span
              style={{ display: 'block', fontVariantNumeric: 'tabular-nums', letterSpacing: 0.5 }}
            >
              {g.gridCode}
            </span>
            <span
              style={{
                display: 'block',
                height: 4,
                marginTop: 3,
                borderRadius: 2,
                width: `${Math.max(6, (g.count / max) * 100)}%`,
                background: i < 3 ? '#ff7a45' : BIG.accent,
              }}
            />
          </span>
          <span style={{ textAlign: 'right', color: BIG.muted }}>
            {t('hot.count', { n: g.count })}
          </span>
        </div>
      ))}
      {repeats.map((r) => (
        <div key={`${r.gridCode}|${r.matterCode}`} style={{ color: '#ffc069', paddingTop: 4 }}>
          {t('hot.repeat', { matter: matters.label(r.matterCode), n: r.count })}
        </div>
      ))}
    </div>
  );
}

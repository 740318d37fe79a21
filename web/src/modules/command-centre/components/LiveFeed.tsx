import { Link } from 'react-router';
import type { CaseState } from '../../../api/types';
import { CaseStateTag } from '../../cases/components/CaseStateTag';
import { formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { commandCentreMessages } from '../command-centre.messages';
import type { FeedEntry } from '../utils/feed';
import { BIG } from './theme';

/** Case events as they happen (SSE), newest first; before the first one, the latest changes. */
export function LiveFeed({ feed }: { feed: readonly FeedEntry[] }) {
  const t = useT(commandCentreMessages);
  const labels = useLabels();
  const matters = useMatters();
  if (feed.length === 0) {
    return (
      <div style={{ color: BIG.muted, textAlign: 'center', paddingTop: 24 }}>{t('feed.empty')}</div>
    );
  }
  return (
    <ol
      data-testid="live-feed"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        height: '100%',
        overflowY: 'auto',
        overflowX: 'hidden',
      }}
    >
      {feed.map((e) => (
        <li
          key={e.id}
          data-testid="feed-item"
          data-live={e.live ? 'true' : 'false'}
          data-case-number={e.number}
          style={{
            display: 'grid',
            gridTemplateColumns: '84px minmax(0, 1fr) auto',
            columnGap: 8,
            rowGap: 2,
            alignItems: 'center',
            padding: '6px 4px',
            whiteSpace: 'nowrap',
            borderBottom: `1px dashed ${BIG.border}`,
            color: BIG.text,
            fontSize: 13,
            background: e.live ? 'rgba(54, 207, 201, 0.07)' : undefined,
          }}
        >
          <span style={{ color: BIG.muted, fontVariantNumeric: 'tabular-nums' }}>
            {formatTime(e.at).slice(5)}
          </span>
          <Link
            to={`/cases/${encodeURIComponent(e.caseId)}`}
            style={{ color: BIG.text, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {e.number}
          </Link>
          <CaseStateTag state={e.state as CaseState} />
          <span
            style={{
              gridColumn: '2 / 4',
              color: e.live ? BIG.accent : BIG.muted,
              minWidth: 0,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {e.action
              ? labels.eventAction(e.action)
              : e.matterCode
                ? matters.label(e.matterCode)
                : e.gridCode
                  ? t('feed.grid', { code: e.gridCode })
                  : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

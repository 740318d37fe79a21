import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, ConfigProvider, Grid, theme } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useT } from '../../i18n/hooks/useT';
import { useRegions } from '../../reference/hooks/useRegions';
import { useSession } from '../../session/hooks/useSession';
import { LanguageSwitch } from '../../shell/components/LanguageSwitch';
import { commandCentreMessages } from '../command-centre.messages';
import { TREND_DAYS, useCommandData } from '../hooks/useCommandData';
import { CategoryChart } from './CategoryChart';
import { Clock } from './Clock';
import { CommandMap } from './CommandMap';
import { HotspotPanel } from './HotspotPanel';
import { KpiTiles } from './KpiTiles';
import { LiveFeed } from './LiveFeed';
import { Panel } from './Panel';
import { BIG } from './theme';
import { TrendChart } from './TrendChart';

/**
 * The command centre's big screen (1920×1080 first; it stacks on small screens): KPI tiles,
 * the live map, trends, classes, live events and hotspots of the user's jurisdiction.
 */
export function CommandCentre() {
  const t = useT(commandCentreMessages);
  const { errorText } = useApiErrors();
  const { user } = useSession();
  const regions = useRegions();
  const screens = Grid.useBreakpoint();
  const big = Boolean(screens.lg);
  const data = useCommandData();
  const scopeName = user?.scope.regionId ? regions.name(user.scope.regionId) : t('scope.city');

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  const live = data.live;
  const back = (
    <Link to="/">
      <Button
        type="text"
        icon={<ArrowLeftOutlined />}
        style={{ color: BIG.muted }}
        aria-label={t('back')}
      >
        {big ? t('back') : null}
      </Button>
    </Link>
  );
  const title = (
    <span
      style={{
        fontSize: big ? 30 : 18,
        fontWeight: 700,
        letterSpacing: big ? 6 : 1,
        background: 'linear-gradient(90deg, #e6f0ff, #36cfc9)',
        WebkitBackgroundClip: 'text',
        WebkitTextFillColor: 'transparent',
        whiteSpace: 'nowrap',
      }}
      data-testid="big-title"
    >
      {t('title')}
    </span>
  );
  const status = (
    <>
      <span style={{ color: BIG.muted, fontSize: big ? 16 : 13 }}>{scopeName}</span>
      <span
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 6,
          color: live ? BIG.accent : BIG.muted,
          fontSize: 13,
        }}
      >
        <span
          style={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            background: live ? BIG.accent : '#3c5a80',
            boxShadow: live ? `0 0 8px ${BIG.accent}` : undefined,
          }}
        />
        {t('live.connected')}
      </span>
      <span style={{ color: BIG.muted, fontSize: big ? 16 : 13, whiteSpace: 'nowrap' }}>
        <Clock />
      </span>
      <LanguageSwitch size="small" />
    </>
  );
  const header = big ? (
    <header
      style={{
        display: 'grid',
        gridTemplateColumns: '1fr auto 1fr',
        alignItems: 'center',
        gap: 16,
        color: BIG.text,
      }}
    >
      <div>{back}</div>
      {title}
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16 }}>
        {status}
      </div>
    </header>
  ) : (
    <header style={{ color: BIG.text, display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div
        style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0, overflow: 'hidden' }}
      >
        {back}
        {title}
      </div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          flexWrap: 'wrap',
        }}
      >
        {status}
      </div>
    </header>
  );

  const errors =
    data.errors.length > 0 ? (
      <Alert
        type="warning"
        showIcon
        closable
        title={t('error.load', { message: errorText(data.errors[0]) })}
        style={{
          position: 'fixed',
          top: 70,
          left: '50%',
          transform: 'translateX(-50%)',
          zIndex: 10,
        }}
      />
    ) : null;

  return (
    <ConfigProvider
      theme={{
        algorithm: theme.darkAlgorithm,
        token: { colorBgContainer: '#0d2240', colorBgElevated: '#102a4c', colorBorder: BIG.border },
      }}
    >
      <div
        data-testid="command-centre"
        style={{
          background: `radial-gradient(ellipse at top, #0f2a52 0%, ${BIG.bg} 60%)`,
          color: BIG.text,
          boxSizing: 'border-box',
          ...(big
            ? {
                height: '100vh',
                display: 'grid',
                gridTemplateRows: '56px 118px minmax(0, 1fr)',
                gap: 12,
                padding: 12,
                overflow: 'hidden',
              }
            : {
                minHeight: '100vh',
                display: 'flex',
                flexDirection: 'column',
                gap: 10,
                padding: 8,
              }),
        }}
      >
        {errors}
        {header}
        <KpiTiles data={data} columns={big ? 5 : screens.sm ? 3 : 2} />
        {big ? (
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: screens.xxl
                ? '440px minmax(0, 1fr) 440px'
                : '340px minmax(0, 1fr) 340px',
              gap: 12,
              minHeight: 0,
            }}
          >
            <div
              style={{
                display: 'grid',
                gridTemplateRows: 'minmax(0, 1fr) minmax(0, 1fr)',
                gap: 12,
                minHeight: 0,
              }}
            >
              <Panel title={t('trend.title', { n: TREND_DAYS })} testId="panel-trend">
                <TrendChart data={data} height="100%" />
              </Panel>
              <Panel title={t('category.title')} testId="panel-category">
                <CategoryChart data={data} height="100%" />
              </Panel>
            </div>
            <Panel title={t('map.title')} bodyStyle={{ padding: 6 }} testId="panel-map">
              <CommandMap data={data} height="100%" />
            </Panel>
            <div
              style={{
                display: 'grid',
                gridTemplateRows: 'minmax(0, 3fr) minmax(0, 2fr)',
                gap: 12,
                minHeight: 0,
              }}
            >
              <Panel title={t('feed.title')} testId="panel-feed">
                <LiveFeed feed={data.feed} />
              </Panel>
              <Panel title={t('hot.title')} testId="panel-hotspots">
                <HotspotPanel hotspots={data.hotspots.data} />
              </Panel>
            </div>
          </div>
        ) : (
          <>
            <Panel title={t('map.title')} bodyStyle={{ padding: 6 }} testId="panel-map">
              <CommandMap data={data} height={360} />
            </Panel>
            <Panel title={t('trend.title', { n: TREND_DAYS })} testId="panel-trend">
              <TrendChart data={data} height={220} />
            </Panel>
            <Panel title={t('category.title')} testId="panel-category">
              <CategoryChart data={data} height={240} />
            </Panel>
            <Panel title={t('feed.title')} style={{ height: 360 }} testId="panel-feed">
              <LiveFeed feed={data.feed} />
            </Panel>
            <Panel title={t('hot.title')} testId="panel-hotspots">
              <HotspotPanel hotspots={data.hotspots.data} />
            </Panel>
          </>
        )}
      </div>
    </ConfigProvider>
  );
}

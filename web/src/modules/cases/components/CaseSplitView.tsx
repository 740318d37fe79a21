import { Card, Col, Drawer, Empty, Row } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { useScreens } from '../../core/hooks/useScreens';

export interface CaseSplitViewProps {
  /** The queue (left on wide screens). */
  list: ReactNode;
  /** The selected case's panel, or null. */
  panel: ReactNode | null;
  /** Title of the drawer on phones. */
  panelTitle?: ReactNode;
  onClosePanel: () => void;
}

/** A workspace's layout: list and case side by side; on small screens the case opens on top. */
export function CaseSplitView({ list, panel, panelTitle, onClosePanel }: CaseSplitViewProps) {
  const t = useT(casesMessages);
  const screens = useScreens();
  // Side by side or in a drawer (moving the panel between them remounts it: useScreens only
  // reports sizes that last).
  const wide = Boolean(screens.lg);
  // The list keeps its place in the tree at every size (no remount, no refetch on resize).
  return (
    <>
      <Row gutter={16} wrap={false}>
        <Col flex="1 1 55%" style={{ minWidth: 0 }}>
          {list}
        </Col>
        {wide ? (
          <Col flex="1 1 45%" style={{ minWidth: 0, maxWidth: 760 }}>
            {panel ?? (
              <Card>
                <Empty description={t('list.selectHint')} />
              </Card>
            )}
          </Col>
        ) : null}
      </Row>
      {wide ? null : (
        <Drawer
          open={panel !== null}
          onClose={onClosePanel}
          placement="right"
          size="100%"
          title={panelTitle ?? t('panel.title')}
          destroyOnHidden
          styles={{ body: { padding: 8, background: '#f5f5f5' } }}
        >
          {panel}
        </Drawer>
      )}
    </>
  );
}

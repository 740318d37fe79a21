import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../modules/i18n/hooks/useT';
import { PortalFrame } from '../modules/portal/components/PortalFrame';
import { ReportTracking } from '../modules/portal/components/ReportTracking';
import { portalMessages } from '../modules/portal/portal.messages';

/** A public report's status page, by its tracking code (no account). */
export function PortalTrackPage() {
  const { trackingNumber = '' } = useParams();
  const t = useT(portalMessages);
  return (
    <PortalFrame>
      <Flex vertical gap={12}>
        <Link to="/portal?tab=track">
          <Button type="text" icon={<ArrowLeftOutlined />}>
            {t('track.back')}
          </Button>
        </Link>
        <ReportTracking trackingNumber={trackingNumber} />
      </Flex>
    </PortalFrame>
  );
}

import { Flex, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { coreMessages } from '../../core/core.messages';
import { useT } from '../../i18n/hooks/useT';
import { LanguageSwitch } from '../../shell/components/LanguageSwitch';
import { portalMessages } from '../portal.messages';

export interface PortalFrameProps {
  children: ReactNode;
}

/**
 * The public portal's page: a light header with the city's platform and the language switch.
 * A phone's width everywhere, except the performance board (a table) on larger screens.
 */
export function PortalFrame({ children }: PortalFrameProps) {
  const t = useT(portalMessages);
  const tc = useT(coreMessages);
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const maxWidth = params.get('tab') === 'board' ? 960 : 640;
  return (
    <div style={{ minHeight: '100dvh', background: token.colorBgLayout }} data-testid="portal">
      <header
        style={{
          background: `linear-gradient(135deg, ${token.colorPrimary} 0%, #13a8a8 100%)`,
          color: '#fff',
          padding: '14px 16px 18px',
        }}
      >
        <Flex align="center" gap={10} style={{ maxWidth, margin: '0 auto' }}>
          <Link to="/portal" style={{ display: 'flex' }}>
            <img
              src="/favicon.svg"
              alt=""
              width={34}
              height={34}
              style={{ borderRadius: 8, border: '1px solid #ffffff88' }}
            />
          </Link>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text
              strong
              style={{ color: '#fff', fontSize: 18, display: 'block' }}
              ellipsis
            >
              {t('portal.title')}
            </Typography.Text>
            <Typography.Text
              style={{ color: '#ffffffd9', fontSize: 12, display: 'block' }}
              ellipsis
            >
              {tc('app.name')}
            </Typography.Text>
          </div>
          <LanguageSwitch size="small" />
        </Flex>
      </header>
      <main style={{ maxWidth, margin: '0 auto', padding: 12, boxSizing: 'border-box' }}>
        {children}
      </main>
      <footer style={{ textAlign: 'center', padding: '8px 12px 24px' }}>
        <Link to="/login" style={{ fontSize: 12, color: token.colorTextTertiary }}>
          {t('portal.staff')}
        </Link>
      </footer>
    </div>
  );
}

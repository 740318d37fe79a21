import type { Role } from '@common/roles';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useSession } from '../hooks/useSession';
import { sessionMessages } from '../session.messages';

export interface RequireRoleProps {
  roles: readonly Role[] | 'any';
  children: ReactNode;
}

/** Shows its children to users holding one of `roles`; others get a clear 403 page. */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const { user } = useSession();
  const t = useT(sessionMessages);
  const labels = useLabels();
  const mine = user?.roles ?? [];
  if (roles === 'any' || roles.some((r) => mine.includes(r))) {
    return <>{children}</>;
  }
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.text', { roles: labels.list(mine.map((r) => labels.role(r))) })}
      extra={
        <Link to="/">
          <Button type="primary">{t('forbidden.home')}</Button>
        </Link>
      }
    />
  );
}

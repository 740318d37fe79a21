import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../modules/i18n/hooks/useT';
import { shellMessages } from '../modules/shell/shell.messages';

/** Any route the registry does not know. */
export function NotFoundPage() {
  const t = useT(shellMessages);
  return (
    <Result
      status="404"
      title={t('nav.notFound')}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.home')}</Button>
        </Link>
      }
    />
  );
}

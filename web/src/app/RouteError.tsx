import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../modules/i18n/hooks/useT';
import { shellMessages } from '../modules/shell/shell.messages';

/** A page that failed to load or render (e.g. a chunk of an older deployment): offer a reload. */
export function RouteError() {
  const t = useT(shellMessages);
  const err = useRouteError();
  return (
    <Result
      status="warning"
      title={t('page.error')}
      subTitle={`${t('page.errorText')} ${err instanceof Error ? err.message : ''}`}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('page.reload')}
        </Button>
      }
    />
  );
}

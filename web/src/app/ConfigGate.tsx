import { Flex, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { consoleApi } from '../api/console.api';
import { cached } from '../modules/core/utils/cached';
import { setDisplayTimeZone } from '../modules/core/utils/time';

export interface ConfigGateProps {
  children: ReactNode;
}

/**
 * Loads the console's public settings once before the first page (times are shown in the
 * city's zone from the start); if the server cannot say, the console starts anyway.
 */
export function ConfigGate({ children }: ConfigGateProps) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    cached('console.config', () => consoleApi.config())
      .then((c) => setDisplayTimeZone(c.timeZone))
      .catch(() => undefined)
      .finally(() => setReady(true));
  }, []);
  if (!ready) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return <>{children}</>;
}

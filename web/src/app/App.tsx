import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { LocaleProvider } from '../modules/i18n/components/LocaleProvider';
import { useLocale } from '../modules/i18n/hooks/useLocale';
import { ConfigGate } from './ConfigGate';
import { createConsoleRouter } from './router';

/** CJK-first font stack: Noto Sans CJK on Linux, PingFang / YaHei elsewhere. */
const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

function Themed() {
  const { locale } = useLocale();
  const [router] = useState(createConsoleRouter);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1f6feb', fontFamily: FONT, borderRadius: 6 },
      }}
    >
      <AntApp>
        <ConfigGate>
          <RouterProvider router={router} />
        </ConfigGate>
      </AntApp>
    </ConfigProvider>
  );
}

/** The console: language, theme (antd locale follows the language) and the router. */
export function App() {
  return (
    <LocaleProvider>
      <Themed />
    </LocaleProvider>
  );
}

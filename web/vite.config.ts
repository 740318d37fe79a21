import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Vendor groups: each library family gets its own long-cached chunk, loaded when first needed. */
const VENDOR_GROUPS: { name: string; test: RegExp }[] = [
  { name: 'vendor-map', test: /node_modules[\\/]leaflet[\\/]/ },
  { name: 'vendor-chart', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|classnames|@emotion)[\\/]/,
  },
];

// The console is served by the server at `/`; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@common': here('../common/src'),
      '@web': here('./src'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.CITYLOOP_API ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
});

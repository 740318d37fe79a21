import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Vendor groups: React, the map and the chart library get their own long-cached chunks, loaded
 * when first needed (Leaflet and ECharts only by the pages that show a map or a chart). Ant
 * Design is left to the bundler, which splits it by the pages that use each component, so the
 * login page does not load the tables, date pickers and uploads of the workspaces.
 */
const VENDOR_GROUPS: { name: string; test: RegExp }[] = [
  { name: 'vendor-map', test: /node_modules[\\/]leaflet[\\/]/ },
  { name: 'vendor-chart', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
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

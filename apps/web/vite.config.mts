import { defineConfig } from 'vite';

// The API (npm start, or npm run start:api + start:realtime) that `npm run dev:web` proxies to.
const api = process.env.BISANG_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { alias: { '@bisang/contracts': `${import.meta.dirname}/../../libs/contracts/src/index.ts` } },
  base: '/',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // No source maps in the build that is served: they would hand out the whole client source as written.
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // react-router marks its modules "use client" for server components; meaningless in this SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/health': api,
      '/docs': api,
      '/admin': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});

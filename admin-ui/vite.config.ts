import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the API process under /admin/; `npm run dev` proxies API calls to a service on :3000.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    globals: false,
    setupFiles: ['src/common/testing/setup.ts'],
    // Each test starts with the real fetch, timers and spies: a stub made for one test never leaks into the next.
    unstubGlobals: true,
    restoreMocks: true,
    // Rendering the editors in jsdom takes about 1 s a test on this 2-core machine, and several times that when
    // the browser tests share it: 5 s (the default) failed a correct test once under such load.
    testTimeout: 20_000,
  },
});

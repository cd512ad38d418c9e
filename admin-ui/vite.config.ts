import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the API process under /admin/; `npm run dev` proxies API calls to a service on :3000.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom', include: ['src/**/*.spec.{ts,tsx}'], globals: false },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { contractsForWeb } from './scripts/contracts-for-web.ts';

export default defineConfig({
  plugins: [
    react(),
    // The endpoint contracts reach the browser as their data without the zod schemas (decision 0029).
    contractsForWeb(),
    // Every text asset also as .br and .gz beside it, made once at build time; the server sends the one
    // the browser accepts (platform/web.ts). Phones on weak signal get a fraction of the bytes.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|svg|json|webmanifest)$/,
      threshold: 512,
      skipIfLargerOrEqual: true,
    }),
  ],
  build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

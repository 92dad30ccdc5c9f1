import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  optimizeDeps: {
    // MapLibre's worker is loaded from its own URL (setWorkerUrl); pre-bundling breaks it in dev.
    exclude: ['maplibre-gl']
  },
  build: {
    // The MapLibre chunk (~1 MB) is loaded lazily by the map component only.
    chunkSizeWarningLimit: 1500
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    setupFiles: ['tests/setup/projections.ts'],
    environment: 'node'
  }
});

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true
  },
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // Small stylesheets go into the page itself (fewer requests before the first map, #20).
    inlineStyleThreshold: 8192,
    alias: {
      $geodata: 'geodata',
      $seeds: 'seeds'
    },
    // Content Security Policy: only this server, plus Kartverket's tile cache for the basemaps.
    // Kit adds hashes for its own inline scripts. Styles allow inline attributes (Svelte and
    // MapLibre set element styles); MapLibre's and the importer's workers are same-origin files.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:', 'https://cache.kartverket.no'],
        'connect-src': ['self', 'https://cache.kartverket.no'],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    }
  }
};

export default config;

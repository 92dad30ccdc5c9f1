// Bundles the CLI (scripts/cli.ts and what it imports, dependencies included) into prebuilt
// JavaScript in build-cli/: cli.mjs, with each command's modules in their own chunk, loaded only
// when that command runs. Node then starts it without type-stripping hundreds of TypeScript
// files. Run by `npm run build`/`npm run cli` (scripts/tasks.mjs) when the sources changed.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli(outDir = path.join(root, 'build-cli')) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      // The CLI, and the worker thread `stats --farmland` reads AR5 on (scripts/cli-ar5.ts finds it beside cli.mjs).
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { cli: path.join(root, 'scripts', 'cli.ts'), 'cli-ar5-worker': path.join(root, 'scripts', 'cli-ar5-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' }
      }
    },
    // Everything the CLI uses goes into the bundle; only Node's own modules stay outside.
    ssr: { noExternal: true, target: 'node' }
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}

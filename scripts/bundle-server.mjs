#!/usr/bin/env node
/**
 * Bundle the server side into build/bundle/: main.js (the `kb` command line), worker.js (the
 * query worker thread it starts), artifact-worker.js (the thread a reload loads an artifact in),
 * build-worker.js (kb build's threads) and pglite-thread.js (the events database's thread). Why: `kb serve` loaded about 1,200 module files (esbuild's
 * count for src/server.ts: Fastify, Ajv, TypeBox, prom-client and the project's own), which took
 * about 0.9 s of a 3 s cold start at 10,000 articles; one file per thread starts in a fraction of
 * that. Source maps keep stack traces pointing at src/. main.js keeps the first line of
 * src/cli/main.ts, which starts node with the server's V8 flags, and is made executable, so
 * `build/bundle/main.js serve` runs with them as the installed `kb` does.
 *
 * Split into chunks: the commands import what they run (src/cli/main.ts), so `kb serve` compiles
 * the server's code (about 3.3 MB) and not the build's, import's and eval's (remark, rehype,
 * YAML: the whole bundle was 5.2 MB), and a query worker loads only what it shares with them.
 * Chunks this build did not write are removed, so a package never ships stale ones.
 */
import { chmod, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.join(import.meta.dirname, '..')
const outdir = path.join(root, 'build', 'bundle')
const result = await build({
  entryPoints: {
    main: path.join(root, 'src/cli/main.ts'),
    worker: path.join(root, 'src/runtime/query/worker.ts'),
    // The thread a reload reads the artifact in (src/build/artifact/artifact.ts finds it beside main.js).
    'artifact-worker': path.join(root, 'src/build/artifact/artifact-worker.ts'),
    // The build threads of kb build (src/build/index/threads.ts finds it beside main.js).
    'build-worker': path.join(root, 'src/build/index/build-worker.ts'),
    // The thread PGlite runs in (src/runtime/events/db.ts), off the main thread.
    'pglite-thread': path.join(root, 'src/runtime/events/pglite-thread.ts'),
  },
  outdir,
  bundle: true,
  splitting: true,
  metafile: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // PGlite loads its WebAssembly and data files from beside its own module; pg optionally requires pg-native.
  external: ['@electric-sql/pglite', 'pg', 'pg-native'],
  // CommonJS dependencies call require(); an ES module has none unless it makes one.
  banner: { js: "import { createRequire as kbCreateRequire } from 'node:module'; const require = kbCreateRequire(import.meta.url);" },
})
const written = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)))
for (const f of await readdir(outdir)) if (!written.has(path.join(outdir, f))) await rm(path.join(outdir, f), { force: true })
await chmod(path.join(outdir, 'main.js'), 0o755)

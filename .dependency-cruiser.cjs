/**
 * The layers of src/ and the direction they point (docs/architecture.md). Lower layers never
 * import higher ones; `npm test` runs this (test/layers.test.ts), naming both files of a
 * forbidden import.
 *
 *   shared   src/limits.ts, src/threads.ts, src/api/ (the API schemas and the one error catalogue)
 *   core     src/core/       pure: analysis, engine, search, match, results; no I/O, no Fastify
 *   build    src/build/      content, render, import, artifact
 *   eval     src/eval/       measuring matching on labelled pastes (npm run eval, kb eval): uses core and build
 *   runtime  src/runtime/    the loaded KB, query runners and workers, cache, warm-up, memory
 *   http     src/http/, src/app.ts
 *   top      src/cli/, src/server.ts, src/config.ts
 */
const SHARED = '^src/(limits\\.ts|threads\\.ts|api/)'
const CORE = '^src/core/'
const BUILD = '^src/build/'
const EVAL = '^src/eval/'
const RUNTIME = '^src/runtime/'
const HTTP = '^src/(http/|app\\.ts)'
const TOP = '^src/(cli/|server\\.ts|config\\.ts)'

/** A rule: files of `from` import none of `to`. */
const never = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } })

module.exports = {
  forbidden: [
    never('shared-is-the-bottom', 'limits, API schemas and errors are used by every layer, and use none', SHARED, [CORE, BUILD, EVAL, RUNTIME, HTTP, TOP]),
    never('core-is-pure', 'the core (analysis, engine, search, match) is below build, runtime, http and the top', CORE, [BUILD, EVAL, RUNTIME, HTTP, TOP]),
    never('build-below-runtime', 'building artifacts does not depend on serving them', BUILD, [EVAL, RUNTIME, HTTP, TOP]),
    never('eval-beside-runtime', 'the eval builds its KBs in memory from core and build; it neither serves nor is served', EVAL, [RUNTIME, HTTP, TOP]),
    never('runtime-below-http', 'the loaded KB and the query runners know nothing of HTTP', RUNTIME, [EVAL, HTTP, TOP]),
    never('http-below-top', 'the app and routes are started by the server and the CLI, not the other way', HTTP, [EVAL, TOP]),
    never('match-and-search-apart', 'matching and search share what they need through core/results, not each other', '^src/core/match/', '^src/core/search/'),
    never('search-and-match-apart', 'matching and search share what they need through core/results, not each other', '^src/core/search/', '^src/core/match/'),
    {
      name: 'core-has-no-io',
      comment: 'the core is pure: no file system, network, processes, threads or Fastify',
      severity: 'error',
      from: { path: '^src/(core|api)/|^src/limits\\.ts' },
      to: { path: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram)$|^node_modules/(fastify|@fastify)/' },
    },
    {
      name: 'no-circular',
      comment: 'no module depends on itself through others',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test|scripts|bench|web|eval)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
}

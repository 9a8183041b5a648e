/**
 * Memory of the server process, and the two V8 flags it runs with. Node documents V8 flags as
 * command-line options (setting them after start-up is unpredictable), and they are process-wide:
 * the query workers run with the process's flags, and refuse V8 flags in their own execArgv
 * (ERR_WORKER_INVALID_EXEC_ARGV). So the `kb` command sets them in its first line
 * (src/cli/main.ts: `#!/usr/bin/env -S node --expose-gc --no-allocation-site-pretenuring --no-memory-reducer`), the
 * npm scripts and the tests that start a server pass NODE_FLAGS to node, and nothing here
 * switches a flag at run time.
 */

/**
 * The V8 flags the server is meant to run with, as node's command line takes them (not all can go
 * in NODE_OPTIONS: Node 20 refuses --no-allocation-site-pretenuring there).
 *
 * `--expose-gc`: reach V8's gc() to give back what loading an index leaves behind (collectGarbage).
 *
 * `--no-allocation-site-pretenuring`: loading an index makes millions of objects that all live on,
 * so V8 marks the allocation sites that made them to allocate straight into the old generation;
 * some of those sites (a term list, an array literal in a shared helper) then make every
 * request's short-lived objects too, which fill the old generation instead of dying young.
 * Measured at 10,000 articles, 40 KB pastes in one process: the old generation grew 0.5-0.7 MB
 * per scavenge with pretenuring and not at all without it, and each scavenge took 1.1-1.5 ms
 * instead of 2.3-2.9 ms. Under load that growth meant a full collection every few seconds in each
 * thread, the stalls behind the 40 KB p99.
 *
 * `--no-memory-reducer`: when a heap's allocation rate drops (a server gone quiet), V8's memory
 * reducer starts full collections meant to give memory back, and shrinks the young generation.
 * The query workers go quiet together, so when traffic came back while that was under way both
 * were held at once: 40 KB pastes at a fixed rate after 25 s idle, 10,000 articles, the worst
 * answer of a 3-second run over 60 ms in 10 of 60 runs with it (up to 490 ms) against 2 of 40
 * without it (one of them the first run after start). The price: an idle server keeps what it used,
 * up to 60 MB more RSS (413-421 MB against 361-395 MB after the same idle).
 */
export const NODE_FLAGS = ['--expose-gc', '--no-allocation-site-pretenuring', '--no-memory-reducer'] as const

/**
 * Run a full garbage collection now, when node was started with --expose-gc; returns whether it
 * ran. Loading reads the artifact file (a Buffer as large as the file) and parses its JSON text;
 * both are garbage once the index is built, but V8 runs a full collection only when its heap limit
 * (a share of the machine's memory) comes near, so on a large machine they stayed resident: at
 * 10,000 articles RSS was 754 MB with them and 455 MB after one full collection. Collecting is an
 * optimization: without the flag this does nothing, and never fails a load.
 */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: unknown }).gc
  if (typeof gc !== 'function') return false
  ;(gc as () => void)()
  return true
}

/**
 * The NODE_FLAGS this process was started without (none when started by the `kb` command), for
 * the server to warn about. V8 accepts a flag with dashes or underscores; --expose-gc may also come
 * from NODE_OPTIONS, so it is judged by gc() being there.
 */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const given = new Set(execArgv.map((a) => a.replaceAll('_', '-')))
  return NODE_FLAGS.filter((flag) => (flag === '--expose-gc' ? typeof (globalThis as { gc?: unknown }).gc !== 'function' : !given.has(flag)))
}

/**
 * Starting a worker thread from its module's URL, whether the project runs from source (tests,
 * `node --import tsx`: the thread registers the TypeScript loader before importing a `.ts` entry)
 * or from the bundle (build/bundle: a `.js` entry beside main.js).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads'

/** The URL of a thread's entry module beside `from` (an `import.meta.url`): `name.ts` from source, `name.js` from the bundle. */
export function threadEntry(name: string, from: string): URL {
  return new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from)
}

/** Start a thread running the module at `entry` (see threadEntry). */
export function startThread(entry: URL, options: WorkerOptions = {}): Worker {
  return entry.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`, { ...options, eval: true })
    : new Worker(entry, options)
}

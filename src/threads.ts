/**
 * Starting a worker thread from its module's URL, whether the project runs from source (tests,
 * `node --import tsx`: the thread registers the TypeScript loader before importing a `.ts` entry)
 * or from the bundle (build/bundle: a `.js` entry beside main.js); and stopping one.
 *
 * Threads are stopped by asking, not by `terminate()`. On Node 20, a thread terminated from outside
 * while it is between creating a zlib handle and initializing it (inside `brotliDecompressSync`,
 * which a query worker runs for every article text it reads, or `brotliCompressSync`, which a
 * build thread runs per article) aborts the whole process at the thread's cleanup ("close before
 * init", node_zlib.cc). A thread asked to stop exits itself between two of its messages, where no
 * such handle is half made. `terminate()` is only the fallback for a thread that does not answer.
 */
import { readlinkSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads'

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

/** The message that asks a thread (one listening through onParentMessage) to exit. */
const STOP = 'kb:stop-thread'

/** How long a thread asked to stop may take to finish its current message before it is terminated. */
export const STOP_GRACE_MS = 5_000

/**
 * Stop a thread started with startThread: it exits itself once its current message is handled;
 * one that has not after `graceMs` is terminated. Resolves when it has exited.
 */
export async function stopThread(w: Worker, graceMs = STOP_GRACE_MS): Promise<void> {
  if (w.threadId === -1) return // already exited
  const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()))
  w.postMessage(STOP)
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs)
  })
  try {
    if ((await Promise.race([exited, late])) === 'late') await w.terminate()
  } finally {
    clearTimeout(timer)
  }
}

/** In a thread: handle each message from the main thread with `handler`, and exit when stopThread asks. */
export function onParentMessage<T>(handler: (message: T) => void): void {
  parentPort!.on('message', (m: T | typeof STOP) => {
    if (m === STOP) process.exit(0)
    else handler(m as T)
  })
}

/** How much lower a background thread's priority is than its process's: nice +10 (19 at most). */
export const BACKGROUND_NICE_STEP = 10

/**
 * Lower the calling thread's CPU priority below its process's, so that work which can wait
 * (writing events) gives way to answers when the cores are all busy. On Linux a thread has a nice
 * value of its own (setpriority on its thread id); elsewhere nothing changes. Returns the thread id
 * and the nice value it now has, or undefined when it could not be set.
 */
export function runInBackground(step = BACKGROUND_NICE_STEP): { tid: number; nice: number } | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>": the calling thread's own id.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1))
    if (!Number.isInteger(tid) || tid <= 0) return undefined
    // Relative to the process's own nice value: a thread may raise its nice value, never lower it.
    setPriority(tid, Math.min(19, getPriority(process.pid) + step))
    return { tid, nice: getPriority(tid) }
  } catch {
    return undefined
  }
}

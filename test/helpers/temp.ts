/**
 * Temporary folders for tests, removed when the test process ends.
 *
 * node:test runs each test file in a process of its own, so a folder made here lives until every
 * test of the file is done (a test may inspect what a server left there after it stopped), and is
 * removed then whatever the outcome: pass, failure, a thrown error (the 'exit' hook is synchronous,
 * and also runs on `process.exit()`), or SIGINT / SIGTERM. Not on SIGKILL: nothing can. A test may
 * still remove its folder earlier; removing it again is harmless.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const folders = new Set<string>()
let hooked = false

/**
 * On SIGINT or SIGTERM (a run interrupted, a CI job cancelled) the process dies without an 'exit'
 * event: remove the folders, then die of the signal as it would have, unless something else in the
 * process listens for it and so decides what happens.
 */
function onSignal(signal: NodeJS.Signals): void {
  removeTempDirs()
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function track(dir: string): string {
  folders.add(dir)
  if (!hooked) {
    hooked = true
    process.on('exit', removeTempDirs)
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
  }
  return dir
}

/** Remove every folder made so far (the exit hook does this; a test need not call it). */
export function removeTempDirs(): void {
  for (const dir of folders) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
    } catch (err) {
      // An exit hook must not throw: say what was left behind and go on with the others.
      process.stderr.write(`could not remove the test folder ${dir}: ${(err as Error).message}\n`)
    }
    folders.delete(dir)
  }
}

/** A new empty folder `<os.tmpdir()>/<prefix>XXXXXX`, removed when the test process ends. */
export async function tempDir(prefix: string): Promise<string> {
  return track(await mkdtemp(path.join(os.tmpdir(), prefix)))
}

/** `tempDir`, synchronous. */
export function tempDirSync(prefix: string): string {
  return track(mkdtempSync(path.join(os.tmpdir(), prefix)))
}

/**
 * Giving back the memory that loading an index leaves behind. Loading reads the artifact file
 * (a Buffer as large as the file) and parses its JSON text; both are garbage once the index is
 * built, but V8 runs a full collection only when its heap limit (a share of the machine's memory)
 * comes near, so on a large machine they stayed resident: at 10,000 articles RSS was 754 MB with
 * them and 455 MB after one full collection. So the server collects once after each load.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | undefined

/** Run a full garbage collection now (after loading an index: rare, and worth its few hundred ms). */
export function collectGarbage(): void {
  if (!gc) {
    gc = (globalThis as { gc?: () => void }).gc
    if (!gc) {
      // Node exposes V8's gc() only behind a flag; a new context made while the flag is on has it.
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
      setFlagsFromString('--no-expose-gc')
    }
  }
  gc()
}

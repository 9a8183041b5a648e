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

/**
 * Run a full garbage collection now (after loading an index: rare, and worth its few hundred ms).
 * Returns false when V8's gc() could not be reached; collecting is an optimization, so that
 * never fails a load.
 */
export function collectGarbage(): boolean {
  try {
    if (!gc) {
      const exposed = (globalThis as { gc?: unknown }).gc
      if (typeof exposed === 'function') gc = exposed as () => void
      else {
        // Node exposes V8's gc() only behind a flag; a new context made while the flag is on has it.
        // The flag is process-wide: another thread turning it off meanwhile leaves gc unset here.
        setFlagsFromString('--expose-gc')
        const found: unknown = runInNewContext('typeof gc === "function" ? gc : undefined')
        setFlagsFromString('--no-expose-gc')
        if (typeof found === 'function') gc = found as () => void
      }
    }
    gc?.()
    return gc !== undefined
  } catch {
    return false
  }
}

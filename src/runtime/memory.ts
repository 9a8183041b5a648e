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

/**
 * Turn off V8's allocation-site pretenuring for this process; call before the index loads (the
 * flag is process-wide, so the query workers started later have it too). Loading an index makes
 * millions of objects that all live on, so V8 marks the allocation sites that made them to
 * allocate straight into the old generation; some of those sites (a term list, an array literal in
 * a shared helper) then make every request's short-lived objects too, which fill the old
 * generation instead of dying young. Measured at 10,000 articles, 40 KB pastes in one process: the
 * old generation grew 0.5-0.7 MB per scavenge with pretenuring and not at all without it, and each
 * scavenge took 1.1-1.5 ms instead of 2.3-2.9 ms. Under load that growth meant a full collection
 * every few seconds in each thread, the stalls behind the 40 KB p99.
 */
export function keepRequestGarbageYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring')
}

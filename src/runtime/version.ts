/**
 * The package's version, read once from its package.json: the `kb` bundle, the compiled files and
 * tsx all find it by walking up from this file, so `kb --version` and `/healthz` say the version
 * that is installed, not one copied in at build time.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

let cached: string | undefined

/** The version in the nearest package.json above this file ("0.0.0" if none can be read). */
export function packageVersion(): string {
  if (cached !== undefined) return cached
  let dir = import.meta.dirname
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) break
    dir = up
  }
  try {
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown }
    cached = typeof version === 'string' ? version : '0.0.0'
  } catch {
    cached = '0.0.0'
  }
  return cached
}

/**
 * What the command line needs of the configuration before it loads the configuration's schema
 * (config.ts, with TypeBox): the artifact's default path and the error a bad setting raises. `kb
 * serve` starts reading the artifact first, and the schema loads meanwhile.
 */

/** Where the artifact is, unless KB_INDEX or a flag says otherwise. */
export const DEFAULT_INDEX = 'dist/kb-index.bin'

/** A setting that is missing, malformed or out of range; its message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`Invalid configuration: ${message}`)
    this.name = 'ConfigError'
  }
}

/** The artifact a server is asked to load: the flag, else KB_INDEX (empty counts as unset, as loadConfig reads it), else the default. */
export function requestedIndex(flag: string | undefined, env: Record<string, string | undefined> = process.env): string {
  return flag ?? (env.KB_INDEX || DEFAULT_INDEX)
}

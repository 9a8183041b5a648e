/**
 * CLI failures, one line each: `kb <command>: <what, with its path>: <why>`. A user acts on the
 * line; a stack trace is for a bug report, so it is printed only with `--debug`.
 */
import { ArticlesFolderError, NoArticlesError } from '../build/content/problems.js'
import { ArtifactError } from '../build/artifact/artifact-error.js'
import { ConfigError } from '../config-basics.js'

/** A failure the user can act on. Exit code 1 for a failure, 2 for a usage error. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'CliError'
  }
}

/** System error codes a CLI user meets, in words. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it exists already',
  EADDRINUSE: 'the address is already in use',
  EADDRNOTAVAIL: 'the address is not on this machine',
}

/** Why a system call failed, in words with its code ("no such file or folder (ENOENT)"); nothing if `err` has no code. */
export function systemReason(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (typeof code !== 'string') return undefined
  return REASONS[code] ? `${REASONS[code]} (${code})` : code
}

/**
 * The one line that reports an error thrown by `kb <command>`. Errors that already say what to do
 * (an unloadable artifact, bad configuration) are printed as they are; an error nobody expected
 * keeps its message and points at --debug.
 */
export function errorLine(command: string, err: unknown): string {
  if (err instanceof ArtifactError || err instanceof ConfigError) return err.message
  const prefix = `kb ${command}:`
  // Their message is the line's reason already.
  if (err instanceof CliError || err instanceof ArticlesFolderError || err instanceof NoArticlesError) return `${prefix} ${err.message}`
  const e = err as (NodeJS.ErrnoException & { address?: string; port?: number }) | undefined
  if (e?.syscall === 'listen' && e.address !== undefined) return `${prefix} cannot listen on ${e.address}:${e.port}: ${systemReason(e)}`
  const message = err instanceof Error ? err.message : String(err)
  return `${prefix} ${message.split('\n')[0]} (unexpected; run again with --debug for the stack trace)`
}

/** What `--debug` adds after the line: the stack, and the stack of the error that caused it. */
export function debugDetail(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause = err.cause instanceof Error ? `\ncaused by: ${err.cause.stack ?? err.cause.message}` : ''
  return `${err.stack ?? err.message}${cause}`
}

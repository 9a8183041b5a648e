/** Content problems: collected per file, printed together as `file:line field: message`. */

export type Severity = 'error' | 'warning'

/** One problem with one article file. */
export interface Problem {
  file: string
  line: number
  field: string
  message: string
  severity: Severity
}

/** Format a problem as one line: `path:line field: message` (warnings say so). */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} ${p.field}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`
}

/** GitHub's workflow commands: `%`, CR and LF escaped in the message, and `:` and `,` too in a property. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Format a problem as a GitHub Actions annotation (`::error file=...,line=...,title=...::message`), shown on the pull request. */
export function githubAnnotation(p: Problem): string {
  return `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(p.field)}::${escapeData(p.message)}`
}

/** `--strict`: every warning an error, except those `keep` leaves (a draft's listing: a state, not a mistake). */
export function strictProblems(problems: readonly Problem[], keep: (p: Problem) => boolean = () => false): Problem[] {
  return problems.map((p) => (p.severity === 'warning' && !keep(p) ? { ...p, severity: 'error' } : p))
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Sort problems by file, then line, then field (code-point order, the same in every locale). */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.field, b.field))
}

/** Thrown when a KB cannot be built because its articles have errors. */
export class ContentError extends Error {
  readonly problems: Problem[]
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error').length
    super(`${errors} error${errors === 1 ? '' : 's'} in articles`)
    this.name = 'ContentError'
    this.problems = problems
  }
}

/** Thrown when the articles folder cannot be read; the message names the folder and says why. */
export class ArticlesFolderError extends Error {
  constructor(
    readonly dir: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot read articles folder ${dir}: ${reason}`, options)
    this.name = 'ArticlesFolderError'
  }
}

/** Thrown when a folder holds no article: a KB of none would build, serve and answer nothing. */
export class NoArticlesError extends Error {
  /** The warnings found on the way (a README skipped), printed before this error. */
  readonly problems: Problem[]
  constructor(
    readonly dir: string,
    problems: Problem[] = [],
  ) {
    super(`no articles in ${dir}`)
    this.name = 'NoArticlesError'
    this.problems = problems
  }
}

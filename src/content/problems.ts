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

/** Sort problems by file, then line, then field, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field),
  )
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

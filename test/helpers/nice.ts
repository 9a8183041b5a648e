/** Per-thread priorities as the kernel reports them (Linux only): for tests of runInBackground. */
import { readdirSync, readFileSync } from 'node:fs'

/** A thread's nice value (/proc/<pid>/task/<tid>/stat, field 19). */
export function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
}

/** This process's threads' ids. */
export const threadIds = (): number[] => readdirSync(`/proc/${process.pid}/task`).map(Number)

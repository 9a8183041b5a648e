/**
 * How well groups of questions (the KCS loop's gaps) follow the problems they are about, pure:
 * pairwise, as two clusterings are compared. Precision: of the pairs of questions put in one
 * group, the share that are one problem (a group mixing problems sends an author to write one
 * article for two). Recall: of the pairs of questions about one problem, the share put in one
 * group (a problem split over groups looks smaller than it is).
 */

/** One question: the group it was put in, and the problem it is about. */
export interface Grouped {
  group: string
  problem: string
}

/** A group holding questions about more than one problem. */
export interface MixedGroup {
  group: string
  /** Questions per problem, most first. */
  problems: Array<[problem: string, questions: number]>
}

/** The pairwise figures of one grouping; a share is null when it has no pairs to count. */
export interface GroupingFigures {
  questions: number
  problems: number
  groups: number
  /** Pairs of questions put in one group, and how many of them are one problem. */
  pairsTogether: number
  pairsRight: number
  /** Pairs of questions about one problem. */
  pairsOfAProblem: number
  precision: number | null
  recall: number | null
  f1: number | null
  /** Groups holding more than one problem, largest first. */
  mixed: MixedGroup[]
}

/** Pairs among n. */
const pairs = (n: number): number => (n * (n - 1)) / 2

/** Count `key`'s values in a map of counts. */
function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>()
  for (const t of items) out.set(key(t), (out.get(key(t)) ?? 0) + 1)
  return out
}

/** The pairwise figures of a grouping of questions labelled with their problems. */
export function groupingFigures(questions: readonly Grouped[]): GroupingFigures {
  const byGroup = new Map<string, Grouped[]>()
  for (const q of questions) {
    const g = byGroup.get(q.group)
    if (g) g.push(q)
    else byGroup.set(q.group, [q])
  }
  let together = 0
  let right = 0
  const mixed: MixedGroup[] = []
  for (const [group, members] of byGroup) {
    together += pairs(members.length)
    const problems = countBy(members, (q) => q.problem)
    for (const n of problems.values()) right += pairs(n)
    if (problems.size > 1) mixed.push({ group, problems: [...problems].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) })
  }
  const byProblem = countBy(questions, (q) => q.problem)
  let same = 0
  for (const n of byProblem.values()) same += pairs(n)
  const precision = together > 0 ? right / together : null
  const recall = same > 0 ? right / same : null
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null
  const size = (m: MixedGroup) => m.problems.reduce((n, [, k]) => n + k, 0)
  mixed.sort((a, b) => size(b) - size(a) || (a.group < b.group ? -1 : 1))
  return {
    questions: questions.length,
    problems: byProblem.size,
    groups: byGroup.size,
    pairsTogether: together,
    pairsRight: right,
    pairsOfAProblem: same,
    precision,
    recall,
    f1,
    mixed,
  }
}

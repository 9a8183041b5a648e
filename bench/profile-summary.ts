/**
 * Summarize a V8 CPU profile (`node --cpu-prof`, e.g. from `npm run bench -- --profile <dir>`):
 * the functions with the most self time, and the most inclusive time (a function and what it
 * calls), with paths shortened to package or project file.
 *
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } })
const file = positionals[0]
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [--top 25]')
const top = Number(values.top)
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile

const byId = new Map(p.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const name = (n: ProfileNode) => {
  const url = n.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '')
    .replace(/.*\/(build|src|bench|scripts)\//, '$1/')
  return `${n.callFrame.functionName || '(anonymous)'} ${url}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`
}

const selfTime = new Map<number, number>()
let total = 0
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0
  total += dt
  selfTime.set(id, (selfTime.get(id) ?? 0) + dt)
})
const self = new Map<string, number>()
const inclusive = new Map<string, number>()
for (const [id, t] of selfTime) {
  const n = byId.get(id)!
  self.set(name(n), (self.get(name(n)) ?? 0) + t)
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur)!)
    if (seen.has(k)) continue
    seen.add(k)
    inclusive.set(k, (inclusive.get(k) ?? 0) + t)
  }
}
const show = (title: string, m: Map<string, number>) => {
  process.stdout.write(`${title}\n`)
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}\n`)
  }
}
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`)
show('self time:', self)
show('inclusive time:', inclusive)

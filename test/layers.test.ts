/**
 * The layers of src/ point one way (.dependency-cruiser.cjs: shared < core < build < runtime <
 * http < top), the core does no I/O, and no folder depends on itself through other folders.
 * A forbidden import fails here with a line naming both files and the rule.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, it } from 'node:test'
import { REPO } from './helpers/kb.js'

interface Cruised {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string; coreModule: boolean; couldNotResolve: boolean }> }>
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> }
}

const cruised = JSON.parse(
  execFileSync(
    process.execPath,
    [
      path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
    ],
    {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  ),
) as Cruised

/** A cycle in a directed graph, as the list of its nodes, or undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n]
    state.set(n, 'open')
    stack.push(n)
    for (const m of edges.get(n) ?? []) {
      const c = visit(m)
      if (c) return c
    }
    stack.pop()
    state.set(n, 'done')
    return undefined
  }
  for (const n of edges.keys()) {
    const c = visit(n)
    if (c) return c
  }
  return undefined
}

describe('layers', () => {
  it('no import breaks a layer rule', () => {
    const lines = cruised.summary.violations.map((v) => `${v.rule.name}: ${v.from} imports ${v.to}`)
    assert.deepEqual(lines, [])
  })

  it('every relative import resolves', () => {
    const unresolved = cruised.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve && d.resolved.startsWith('.')).map((d) => `${m.source} -> ${d.resolved}`),
    )
    assert.deepEqual(unresolved, [])
  })

  it('no cycle between folders', () => {
    // A file directly in src/ (limits.ts, app.ts, server.ts) is a node of its own: each is one layer.
    const node = (file: string) => (file.split('/').length === 2 ? file : path.dirname(file))
    const edges = new Map<string, Set<string>>()
    for (const m of cruised.modules.filter((m) => m.source.startsWith('src/'))) {
      const from = node(m.source)
      for (const d of m.dependencies) {
        if (!d.resolved.startsWith('src/')) continue
        const to = node(d.resolved)
        if (to === from) continue
        if (!edges.has(from)) edges.set(from, new Set())
        edges.get(from)!.add(to)
      }
    }
    assert.ok(edges.size > 5, 'the folder graph was read')
    assert.equal(findCycle(edges)?.join(' -> '), undefined)
  })
})

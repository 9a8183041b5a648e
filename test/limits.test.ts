/**
 * The reference (docs/reference.md) documents every limit and every error code, and the code
 * enforces what it says: its table of limits is checked against src/limits.ts and the
 * configuration; its table of error codes is generated from the catalogue (src/api/errors.ts),
 * which holds every code the source answers with.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ConfigSchema } from '../src/config.js'
import { ERROR_CODES } from '../src/api/errors.js'
import { LIMITS } from '../src/limits.js'
import { withTables } from '../scripts/docs.js'
import { REPO } from './helpers/kb.js'

const REFERENCE = readFileSync(path.join(REPO, 'docs', 'reference.md'), 'utf8')

/** The rows of the Markdown table under a heading, as arrays of cells. */
function tableUnder(heading: string): string[][] {
  const start = REFERENCE.indexOf(`\n${heading}\n`)
  assert.ok(start >= 0, `docs/reference.md has no "${heading}" section`)
  const rows: string[][] = []
  for (const line of REFERENCE.slice(start).split('\n').slice(2)) {
    if (line.startsWith('#')) break
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    )
  }
  return rows.slice(1) // the header row
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

describe('the reference tables agree with the code', () => {
  it('every limit of src/limits.ts is in docs/reference.md with its value, and the table names no other', () => {
    const rows = tableUnder('## Limits')
    const documented = new Map<string, number>()
    const settings = new Set<string>()
    for (const [names = '', value = ''] of rows) {
      const keys = [...names.matchAll(/`(\w+)`/g)].map((m) => m[1]!)
      const numbers = [...value.matchAll(/\d+/g)].map((m) => Number(m[0]))
      keys.forEach((k, i) => {
        if (k.startsWith('KB_')) settings.add(k)
        else documented.set(k, numbers[i] ?? Number.NaN)
      })
    }
    for (const [key, value] of Object.entries(LIMITS)) assert.equal(documented.get(key), value, `docs/reference.md's limit ${key}`)
    assert.deepEqual(
      [...documented.keys()].filter((k) => !(k in LIMITS)),
      [],
      'limits docs/reference.md names that src/limits.ts does not have',
    )
    for (const s of settings) assert.ok(s in ConfigSchema.properties, `${s} in docs/reference.md's limits is not a setting`)
  })

  it('the table of error codes is the catalogue (npm run docs), and the source uses no code outside it', () => {
    assert.equal(REFERENCE, withTables(REFERENCE), 'docs/reference.md is out of date with src/api/errors.ts: run npm run docs')
    const settings = new Set(Object.keys(ConfigSchema.properties))
    const used = new Set<string>()
    for (const file of filesUnder(path.join(REPO, 'src')).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](KB_[A-Z0-9_]+)['"`]/g)) if (!settings.has(m[1]!)) used.add(m[1]!)
    }
    assert.deepEqual([...used].filter((c) => !(c in ERROR_CODES)).sort(), [], 'codes the source uses that the catalogue lacks')
    assert.deepEqual(
      Object.keys(ERROR_CODES)
        .filter((c) => !used.has(c))
        .sort(),
      [],
      'codes in the catalogue the source never sends',
    )
  })
})

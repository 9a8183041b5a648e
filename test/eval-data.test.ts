/**
 * The labelled evaluation dataset (eval/pastes.jsonl): well-formed, every expected article
 * exists, and the case mix meets the minimums the evaluation relies on.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { before, describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { loadArticles } from '../src/build/content/load.js'
import { KINDS } from '../scripts/eval.js'
import { corporaDir } from './helpers/corpora.js'

const REPO = path.join(import.meta.dirname, '..')
const DATASET = path.join(REPO, 'eval', 'pastes.jsonl')
const IMPORTER = path.join(REPO, 'src', 'build', 'import', 'import.ts')
const CORPORA_DIR = corporaDir()
const CORPORA = ['mslearn-iis', 'mssql-errors'] as const
type Corpus = (typeof CORPORA)[number]

/** Minimums from the dataset brief (eval/README.md). */
const MIN = {
  total: 120,
  perBundledArticle: 4,
  kindsPerBundledArticle: 4,
  imported: 30,
  perCorpus: 10,
  negatives: 20,
  perKind: 5,
  holdoutShare: [0.25, 0.4] as const,
}

interface Case {
  id: string
  kind: string
  text: string
  expect: string | null
  set: string
  note: string
}

/** The importer's id rule: file base name without .md, lowercased, non-[a-z0-9] runs as "-". */
const idFromName = (file: string): string =>
  path
    .basename(file)
    .replace(/\.md$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

function listMd(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((e) => e.isFile() && /\.md$/i.test(e.name) && !/^(provenance|readme|toc)\.md$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

const lines = readFileSync(DATASET, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
const cases: Case[] = []
const bundled = new Map<string, string>() // id -> article file text
/** Imported ids per corpus, and the source text for each id when the corpus is present. */
const imported = new Map<Corpus, Set<string>>()
const importedSource = new Map<string, string>()
let importedFrom = 'not checked: corpora not found'

before(async () => {
  for (const l of lines) cases.push(JSON.parse(l) as Case)
  const { articles } = await loadArticles(path.join(REPO, 'articles'))
  for (const a of articles) bundled.set(a.id, readFileSync(path.join(REPO, 'articles', a.source), 'utf8'))

  const present = CORPORA.filter((c) => existsSync(path.join(CORPORA_DIR, c)))
  if (present.length === 0) return
  for (const c of present) {
    for (const f of listMd(path.join(CORPORA_DIR, c))) importedSource.set(idFromName(f), readFileSync(f, 'utf8'))
  }
  if (existsSync(IMPORTER)) {
    // Check against what the importer really produces: it may skip files or rename ids.
    importedFrom = 'importer output'
    const mod = (await import(pathToFileURL(IMPORTER).href)) as { importFolder: (o: { from: string; to: string }) => Promise<unknown> }
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'kb-eval-data-'))
    try {
      for (const c of present) {
        const to = path.join(tmp, c)
        await mod.importFolder({ from: path.join(CORPORA_DIR, c), to })
        const { articles } = await loadArticles(to)
        imported.set(c, new Set(articles.map((a) => a.id)))
      }
    } finally {
      await rm(tmp, { recursive: true, force: true })
    }
  } else {
    importedFrom = 'corpus file names (importer not present)'
    for (const c of present) imported.set(c, new Set(listMd(path.join(CORPORA_DIR, c)).map(idFromName)))
  }
})

const corpusOf = (id: string): Corpus | 'bundled' | undefined => {
  if (bundled.has(id)) return 'bundled'
  for (const [c, ids] of imported) if (ids.has(id)) return c
  return undefined
}
const count = <T>(xs: T[], key: (x: T) => string): Map<string, number> => {
  const m = new Map<string, number>()
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1)
  return m
}

describe('eval dataset: format', () => {
  test('every line is one JSON object with exactly the documented fields', () => {
    assert.ok(lines.length > 0)
    for (const [i, l] of lines.entries()) {
      let c: unknown
      assert.doesNotThrow(() => (c = JSON.parse(l)), `line ${i + 1} is not JSON`)
      assert.ok(c && typeof c === 'object' && !Array.isArray(c), `line ${i + 1} is not an object`)
      const o = c as Record<string, unknown>
      assert.deepEqual(Object.keys(o).sort(), ['expect', 'id', 'kind', 'note', 'set', 'text'], `line ${i + 1}: fields`)
      for (const k of ['id', 'kind', 'text', 'set', 'note']) {
        assert.ok(typeof o[k] === 'string' && (o[k] as string).trim() !== '', `line ${i + 1}: "${k}" must be a non-empty string`)
      }
      assert.ok(o.expect === null || (typeof o.expect === 'string' && o.expect !== ''), `line ${i + 1}: expect must be an id or null`)
      assert.ok(o.set === 'dev' || o.set === 'holdout', `line ${i + 1}: set must be dev or holdout`)
    }
  })

  test('ids are unique and slug-like', () => {
    const seen = new Set<string>()
    for (const c of cases) {
      assert.match(c.id, /^[a-z0-9][a-z0-9-]*$/, `bad id "${c.id}"`)
      assert.ok(!seen.has(c.id), `duplicate id "${c.id}"`)
      seen.add(c.id)
    }
  })

  test('kinds are the known labels; negatives and only negatives expect no match', () => {
    for (const c of cases) {
      assert.ok((KINDS as readonly string[]).includes(c.kind), `${c.id}: unknown kind "${c.kind}"`)
      assert.equal(c.kind === 'negative', c.expect === null, `${c.id}: kind negative <=> expect null`)
    }
  })

  test('eval/pastes.jsonl is generated from eval/src (node eval/build-pastes.mjs)', () => {
    const builder = path.join(REPO, 'eval', 'build-pastes.mjs')
    if (!existsSync(builder)) return
    assert.doesNotThrow(() => execFileSync(process.execPath, [builder, '--check'], { stdio: 'pipe' }))
  })
})

describe('eval dataset: expected articles exist', () => {
  test('every expect is null, a bundled id or an imported id', (t) => {
    t.diagnostic(`imported ids checked against: ${importedFrom}`)
    const missing = cases.filter((c) => c.expect !== null && corpusOf(c.expect) === undefined)
    if (imported.size === 0) {
      // Without the corpora only bundled ids can be checked; the rest must at least look like importer ids.
      for (const c of missing) assert.match(c.expect!, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${c.id}: "${c.expect}" is not an id`)
      return
    }
    assert.deepEqual(
      missing.map((c) => `${c.id} -> ${c.expect}`),
      [],
    )
  })
})

describe('eval dataset: coverage minimums', () => {
  test(`at least ${MIN.total} cases`, () => {
    assert.ok(cases.length >= MIN.total, `${cases.length} cases`)
  })

  test(`every bundled article has >= ${MIN.perBundledArticle} cases in >= ${MIN.kindsPerBundledArticle} kinds, in dev and holdout`, () => {
    assert.ok(bundled.size > 0)
    for (const id of [...bundled.keys()].sort()) {
      const mine = cases.filter((c) => c.expect === id)
      assert.ok(mine.length >= MIN.perBundledArticle, `${id}: ${mine.length} cases`)
      const kinds = new Set(mine.map((c) => c.kind))
      assert.ok(kinds.size >= MIN.kindsPerBundledArticle, `${id}: only kinds ${[...kinds].join(', ')}`)
      assert.ok(mine.some((c) => c.set === 'dev') && mine.some((c) => c.set === 'holdout'), `${id}: needs dev and holdout cases`)
    }
  })

  test(`>= ${MIN.imported} cases built from imported articles, >= ${MIN.perCorpus} per corpus`, (t) => {
    const imp = cases.filter((c) => c.expect !== null && !bundled.has(c.expect))
    assert.ok(imp.length >= MIN.imported, `${imp.length} imported cases`)
    if (imported.size === 0) {
      t.diagnostic('corpora not found: per-corpus counts not checked')
      return
    }
    const per = count(imp, (c) => String(corpusOf(c.expect!)))
    for (const corpus of CORPORA) {
      if (!imported.has(corpus)) continue
      assert.ok((per.get(corpus) ?? 0) >= MIN.perCorpus, `${corpus}: ${per.get(corpus) ?? 0} cases`)
    }
  })

  test(`>= ${MIN.negatives} negatives and >= ${MIN.perKind} cases of every kind`, () => {
    const perKind = count(cases, (c) => c.kind)
    assert.ok((perKind.get('negative') ?? 0) >= MIN.negatives, `${perKind.get('negative') ?? 0} negatives`)
    for (const k of KINDS) assert.ok((perKind.get(k) ?? 0) >= MIN.perKind, `kind ${k}: ${perKind.get(k) ?? 0} cases`)
  })

  test(`holdout is ${MIN.holdoutShare[0] * 100}-${MIN.holdoutShare[1] * 100}% of cases and present in every kind`, () => {
    const holdout = cases.filter((c) => c.set === 'holdout')
    const shareOf = holdout.length / cases.length
    assert.ok(shareOf >= MIN.holdoutShare[0] && shareOf <= MIN.holdoutShare[1], `holdout share ${shareOf.toFixed(3)}`)
    for (const k of KINDS)
      assert.ok(
        holdout.some((c) => c.kind === k),
        `no holdout case of kind ${k}`,
      )
  })
})

describe('eval dataset: realism', () => {
  test('no paste copies a descriptive (non-quoted) symptom sentence of its article verbatim', () => {
    const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim()
    for (const c of cases) {
      if (c.expect === null || !bundled.has(c.expect)) continue
      const symptoms = [...bundled.get(c.expect)!.matchAll(/^\s+- (["'])(.*)\1\s*$/gm)].map((m) => m[2]!)
      const prose = symptoms.filter((s) => !/["']/.test(s) && s.length >= 30)
      const text = norm(c.text)
      for (const s of prose) assert.ok(!text.includes(norm(s).replace(/\.$/, '')), `${c.id} copies the symptom "${s}"`)
    }
  })

  test('concrete values (IPs, GUIDs, timestamps, N_Reason counters, pids) differ from the expected article', () => {
    const patterns = [
      /\b\d{1,3}(?:\.\d{1,3}){3}\b/g,
      /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
      /\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}\b/g,
      /\b\d+_[A-Z][A-Za-z]+(?:_[A-Za-z]+)*\b/g,
      /process id was '(\d+)'/gi,
    ]
    for (const c of cases) {
      if (c.expect === null) continue
      const source = bundled.get(c.expect) ?? importedSource.get(c.expect)
      if (source === undefined) continue
      for (const re of patterns) {
        for (const m of c.text.matchAll(re)) {
          assert.ok(!source.includes(m[0]), `${c.id}: "${m[0]}" is copied from the article ${c.expect}`)
        }
      }
    }
  })
})

/**
 * The labelled evaluation dataset (eval/pastes.jsonl): well-formed, every expected article
 * exists in the KB of the case's corpus, and the case mix meets the minimums the evaluation
 * relies on, dataset-wide and per corpus.
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
import { corporaDir } from './helpers/corpora.js'

const REPO = path.join(import.meta.dirname, '..')
const DATASET = path.join(REPO, 'eval', 'pastes.jsonl')
const IMPORTER = path.join(REPO, 'src', 'build', 'import', 'import.ts')
/** A corpus's import map (kb import --map), used when present, as the eval does. */
const IMPORT_MAPS = path.join(REPO, 'eval', 'import-maps')
/** Corpus folders: the shared public corpora, and the ones assembled for the eval in the repo. */
const CORPORA_DIRS = [corporaDir(), path.join(REPO, 'eval', 'corpora')]

/** The labels a case's `kind` may have (eval/README.md); `negative` and only it expects no match. */
const KINDS = [
  'event-viewer',
  'iis-log',
  'app-log',
  'stack-trace',
  'db-client',
  'browser',
  'truncated',
  'terse',
  'terminal',
  'dialog',
  'described',
  'negative',
] as const

/**
 * The corpora of the dataset, each held to the per-corpus minimums (MIN.corpus). A new corpus is
 * added here when its cases reach them; until then its case file stays out of build-pastes.mjs.
 */
const CORPORA_COMPLETE: readonly string[] = ['bundled', 'mslearn-iis', 'mssql-errors', 'gitlab-troubleshooting', 'aws-devtools-troubleshooting']

/** Minimums from the dataset brief (eval/README.md). */
const MIN = {
  total: 120,
  perBundledArticle: 4,
  kindsPerBundledArticle: 4,
  /** Positives of every imported corpus that has cases at all. */
  perImportedCorpus: 10,
  negatives: 20,
  perKind: 5,
  holdoutShare: [0.25, 0.4] as const,
  /** For each corpus in CORPORA_COMPLETE. */
  corpus: { positives: 60, describedShare: 0.25, negatives: 8, kinds: 4 },
  /** A `described` paste is one to four sentences a user types, not a log. */
  described: { lines: 4, chars: 600 },
}

interface Case {
  id: string
  corpus: string
  kind: string
  text: string
  expect: string | null
  set: string
  note: string
}

/** The importer's id rule for a single-problem file: base name without .md, lowercased, non-[a-z0-9] runs as "-". */
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

/** Corpus name -> its folder, for every corpus folder present. */
function corpusFolders(): Map<string, string> {
  const found = new Map<string, string>()
  for (const dir of CORPORA_DIRS) {
    if (!existsSync(dir)) continue
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) found.set(e.name, path.join(dir, e.name))
  }
  return found
}

const lines = readFileSync(DATASET, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
const cases: Case[] = []
const folders = corpusFolders()
const bundled = new Map<string, string>() // id -> article file text
/** Article ids per imported corpus, and the texts (imported article, source file) each id comes from. */
const imported = new Map<string, Set<string>>()
const importedSource = new Map<string, string[]>() // `${corpus}/${id}` -> texts
let importedFrom = 'not checked: no corpus folder found'

const positives = (): Case[] => cases.filter((c) => c.expect !== null)
const sourceKey = (corpus: string, id: string): string => `${corpus}/${id}`
const addSource = (key: string, text: string): void => void importedSource.set(key, [...(importedSource.get(key) ?? []), text])

before(async () => {
  for (const l of lines) cases.push(JSON.parse(l) as Case)
  const { articles } = await loadArticles(path.join(REPO, 'articles'))
  for (const a of articles) bundled.set(a.id, readFileSync(path.join(REPO, 'articles', a.source), 'utf8'))

  // Only the corpora the dataset asks about are imported (a folder may hold other material).
  const asked = [...new Set(cases.map((c) => c.corpus))].filter((c) => folders.has(c))
  if (asked.length === 0) return
  for (const c of asked) for (const f of listMd(folders.get(c)!)) addSource(sourceKey(c, idFromName(f)), readFileSync(f, 'utf8'))
  if (existsSync(IMPORTER)) {
    // Check against what the importer really produces: it may skip files, split pages or rename ids.
    importedFrom = 'importer output'
    const mod = (await import(pathToFileURL(IMPORTER).href)) as { importFolder: (o: { from: string; to: string; map?: string }) => Promise<unknown> }
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'kb-eval-data-'))
    try {
      for (const c of asked) {
        const to = path.join(tmp, c)
        const map = path.join(IMPORT_MAPS, `${c}.yml`)
        await mod.importFolder({ from: folders.get(c)!, to, ...(existsSync(map) ? { map } : {}) })
        const { articles } = await loadArticles(to)
        imported.set(c, new Set(articles.map((a) => a.id)))
        for (const a of articles) addSource(sourceKey(c, a.id), readFileSync(path.join(to, a.source), 'utf8'))
      }
    } finally {
      await rm(tmp, { recursive: true, force: true })
    }
  } else {
    importedFrom = 'corpus file names (importer not present)'
    for (const c of asked) imported.set(c, new Set(listMd(folders.get(c)!).map(idFromName)))
  }
})

const count = <T>(xs: T[], key: (x: T) => string): Map<string, number> => {
  const m = new Map<string, number>()
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1)
  return m
}

describe('eval dataset: format', () => {
  test('every line is one JSON object with exactly the documented fields, in the documented order', () => {
    assert.ok(lines.length > 0)
    for (const [i, l] of lines.entries()) {
      let c: unknown
      assert.doesNotThrow(() => (c = JSON.parse(l)), `line ${i + 1} is not JSON`)
      assert.ok(c && typeof c === 'object' && !Array.isArray(c), `line ${i + 1} is not an object`)
      const o = c as Record<string, unknown>
      assert.deepEqual(Object.keys(o), ['id', 'corpus', 'kind', 'text', 'expect', 'set', 'note'], `line ${i + 1}: fields`)
      for (const k of ['id', 'corpus', 'kind', 'text', 'set', 'note']) {
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

  test('every corpus is `bundled` or a corpus folder (shared corpora or eval/corpora)', (t) => {
    const shared = existsSync(CORPORA_DIRS[0]!)
    if (!shared) t.diagnostic(`${CORPORA_DIRS[0]} not found: names of shared corpora only checked as slugs`)
    for (const c of cases) {
      assert.match(c.corpus, /^[a-z0-9][a-z0-9-]*$/, `${c.id}: corpus "${c.corpus}"`)
      if (shared) assert.ok(c.corpus === 'bundled' || folders.has(c.corpus), `${c.id}: no corpus folder "${c.corpus}"`)
    }
  })

  test('eval/pastes.jsonl is generated from eval/src (node eval/build-pastes.mjs)', () => {
    const builder = path.join(REPO, 'eval', 'build-pastes.mjs')
    if (!existsSync(builder)) return
    assert.doesNotThrow(() => execFileSync(process.execPath, [builder, '--check'], { stdio: 'pipe' }))
  })
})

describe('eval dataset: expected articles exist', () => {
  test("every expect is null or an article of the case's own corpus", (t) => {
    t.diagnostic(`imported ids checked against: ${importedFrom}`)
    const wrong: string[] = []
    for (const c of positives()) {
      const ids = c.corpus === 'bundled' ? new Set(bundled.keys()) : imported.get(c.corpus)
      // Without the corpus folder only the shape can be checked.
      if (ids === undefined) assert.match(c.expect!, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${c.id}: "${c.expect}" is not an id`)
      else if (!ids.has(c.expect!)) wrong.push(`${c.id} -> ${c.corpus}: ${c.expect}`)
    }
    assert.deepEqual(wrong, [])
  })
})

describe('eval dataset: coverage minimums', () => {
  test(`at least ${MIN.total} cases`, () => {
    assert.ok(cases.length >= MIN.total, `${cases.length} cases`)
  })

  test(`every bundled article has >= ${MIN.perBundledArticle} cases in >= ${MIN.kindsPerBundledArticle} kinds, in dev and holdout`, () => {
    assert.ok(bundled.size > 0)
    for (const id of [...bundled.keys()].sort()) {
      const mine = cases.filter((c) => c.corpus === 'bundled' && c.expect === id)
      assert.ok(mine.length >= MIN.perBundledArticle, `${id}: ${mine.length} cases`)
      const kinds = new Set(mine.map((c) => c.kind))
      assert.ok(kinds.size >= MIN.kindsPerBundledArticle, `${id}: only kinds ${[...kinds].join(', ')}`)
      assert.ok(mine.some((c) => c.set === 'dev') && mine.some((c) => c.set === 'holdout'), `${id}: needs dev and holdout cases`)
    }
  })

  test(`every imported corpus with cases has >= ${MIN.perImportedCorpus} positives`, () => {
    const per = count(
      positives().filter((c) => c.corpus !== 'bundled'),
      (c) => c.corpus,
    )
    assert.ok(per.size >= 2, `imported corpora with positives: ${[...per.keys()].join(', ')}`)
    for (const [corpus, n] of per) assert.ok(n >= MIN.perImportedCorpus, `${corpus}: ${n} positives`)
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

describe('eval dataset: per-corpus minimums', () => {
  test('CORPORA_COMPLETE lists exactly the corpora that have cases', () => {
    assert.deepEqual([...new Set(cases.map((c) => c.corpus))].sort(), [...CORPORA_COMPLETE].sort())
  })

  for (const corpus of CORPORA_COMPLETE) {
    test(`${corpus}: >= ${MIN.corpus.positives} positives in >= ${MIN.corpus.kinds} kinds, >= ${MIN.corpus.describedShare * 100}% described, >= ${MIN.corpus.negatives} negatives, holdout ${MIN.holdoutShare[0] * 100}-${MIN.holdoutShare[1] * 100}%`, () => {
      const mine = cases.filter((c) => c.corpus === corpus)
      const pos = mine.filter((c) => c.expect !== null)
      assert.ok(pos.length >= MIN.corpus.positives, `${pos.length} positives`)
      const kinds = new Set(pos.map((c) => c.kind))
      assert.ok(kinds.size >= MIN.corpus.kinds, `kinds: ${[...kinds].join(', ')}`)
      const described = pos.filter((c) => c.kind === 'described').length
      assert.ok(described >= MIN.corpus.describedShare * pos.length, `${described} of ${pos.length} positives described`)
      const negatives = mine.length - pos.length
      assert.ok(negatives >= MIN.corpus.negatives, `${negatives} negatives`)
      const holdout = mine.filter((c) => c.set === 'holdout').length / mine.length
      assert.ok(holdout >= MIN.holdoutShare[0] && holdout <= MIN.holdoutShare[1], `holdout share ${holdout.toFixed(3)}`)
      for (const k of ['described', 'negative'])
        assert.ok(
          mine.some((c) => c.kind === k && c.set === 'holdout'),
          `no holdout case of kind ${k}`,
        )
    })
  }
})

describe('eval dataset: realism', () => {
  test('no paste copies a descriptive (non-quoted) symptom sentence of its bundled article verbatim', () => {
    const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim()
    for (const c of cases) {
      if (c.expect === null || c.corpus !== 'bundled' || !bundled.has(c.expect)) continue
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
    for (const c of positives()) {
      const sources = c.corpus === 'bundled' ? [bundled.get(c.expect!) ?? ''] : (importedSource.get(sourceKey(c.corpus, c.expect!)) ?? [])
      for (const source of sources) {
        for (const re of patterns) {
          for (const m of c.text.matchAll(re)) {
            assert.ok(!source.includes(m[0]), `${c.id}: "${m[0]}" is copied from the article ${c.expect}`)
          }
        }
      }
    }
  })

  test(`a described paste is a few sentences in the user's words (<= ${MIN.described.lines} lines, <= ${MIN.described.chars} characters)`, () => {
    for (const c of cases.filter((x) => x.kind === 'described')) {
      assert.ok(c.text.split('\n').length <= MIN.described.lines, `${c.id}: ${c.text.split('\n').length} lines`)
      assert.ok(c.text.length <= MIN.described.chars, `${c.id}: ${c.text.length} characters`)
    }
  })
})

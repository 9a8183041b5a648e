/**
 * Importing a folder: every source file below it (Markdown, HTML, a Zendesk JSON export: sources.ts)
 * converted, ids de-duplicated, and the articles written only when none would replace a file
 * already there (or with `force`).
 */
import { readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { convertArticle, withId } from './convert.js'
import { numberedId } from './ids.js'
import { type Provenance, readProvenance, sourceUrl } from './provenance.js'
import { type ImportSettings, readImportMap, resolveSettings } from './settings.js'
import { SOURCE_EXTENSIONS, readSources } from './sources.js'
import { uniq } from './text.js'
import type { ConvertedArticle, ConvertOptions, ConvertResult, DocumentOutcome, ImportedReference, ImportReport, ProblemOutcome } from './types.js'

/** Thrown before anything is written when an article to import exists already in `--to`. */
export class ImportConflictError extends Error {
  constructor(readonly existing: string[]) {
    const more = existing.length > 1 ? ` (and ${existing.length - 1} more)` : ''
    super(`${existing[0]} already exists${more}; nothing was written, use --force to overwrite`)
    this.name = 'ImportConflictError'
  }
}

/** What importFolder is asked to do. */
export interface ImportFolderOptions {
  from: string
  to: string
  /** Overwrite articles already in `to`. */
  force?: boolean
  /** Convert and report, write nothing (no `to` is needed to exist, nothing is checked there). */
  dryRun?: boolean
  /** Map file and flags, resolved (settings.ts); default: the defaults, or the map file `map`. */
  settings?: ImportSettings
  /** A map file to read when `settings` is not given. */
  map?: string
}

/**
 * Convert every *.md below `from` into `<to>/<id>.md`; every file is imported (as one or more
 * articles) or skipped with one reason. Every file is converted before any is written: when an
 * article would replace a file already in `to`, nothing is written and ImportConflictError names
 * it, unless `force` is set. With `dryRun`, nothing is written.
 */
export async function importFolder(opts: ImportFolderOptions): Promise<ImportReport> {
  const from = path.resolve(opts.from)
  const to = path.resolve(opts.to)
  const info = await stat(from).catch(() => undefined)
  if (!info?.isDirectory()) throw new Error(`--from ${opts.from} is not a folder`)
  if (to === from) throw new Error('--to must be a different folder from --from (files would overwrite their sources)')
  // A `--to` inside `--from`: its files (an earlier import) are not sources.
  const output = to.startsWith(from + path.sep) ? `${path.relative(from, to).split(path.sep).join('/')}/` : undefined
  const files = (await listSourceFiles(from)).filter((rel) => !output || !rel.startsWith(output))
  const provenance: Provenance | undefined = await readProvenance(from)
  const settings = opts.settings ?? (opts.map ? resolveSettings(await readImportMap(opts.map), {}, opts.map) : undefined)
  const report: ImportReport = { imported: [], skipped: [], files: [] }
  const articles = new Map<string, string>()
  const used = new Map<string, string>()
  /** Keep one converted article under a free id; returns the id it got. */
  const keep = (a: ConvertedArticle, rel: string, problems: ProblemOutcome[] | undefined): string => {
    const first = used.get(a.id)
    if (first !== undefined) {
      let n = 2
      while (used.has(numberedId(a.id, n))) n++
      const base = a.id
      a = withId(a, numberedId(a.id, n))
      a.notes = [...a.notes, `id "${base}" is already used by ${first}; this article is "${a.id}"`]
      const outcome = problems?.find((p) => p.id === base && p.heading === a.heading)
      if (outcome) outcome.id = a.id
    }
    articles.set(path.join(to, `${a.id}.md`), a.article)
    used.set(a.id, rel)
    report.imported.push({ source: rel, id: a.id, notes: a.notes, ...(a.heading ? { heading: a.heading } : {}) })
    return a.id
  }
  for (const rel of files) {
    try {
      const text = await readFile(path.join(from, rel), 'utf8')
      const docs = readSources(rel, text)
      const url = pageUrl(rel, settings, provenance)
      const ids: string[] = []
      const notes: string[] = []
      const documents: DocumentOutcome[] = []
      let problems: ProblemOutcome[] | undefined
      let reason: string | undefined
      for (const doc of docs) {
        const refs = doc.references ?? (url ? [url] : [])
        const options: ConvertOptions = {
          ...(refs.length ? { references: refs } : {}),
          ...(settings ? { settings } : {}),
          readInclude: includeReader(from, rel),
          rootFolder: path.basename(from),
        }
        const result: ConvertResult =
          doc.skipped !== undefined ? { id: '', articles: [], skipped: doc.skipped, notes: [] } : convertArticle(doc.markdown, doc.sourcePath, options)
        const docIds = result.articles.map((a) => keep(a, rel, result.problems))
        ids.push(...docIds)
        notes.push(...result.notes)
        if (result.problems) problems = [...(problems ?? []), ...result.problems]
        reason ??= result.skipped
        if (docs.length > 1) documents.push({ source: doc.sourcePath, articles: docIds, ...(result.skipped !== undefined ? { skipped: result.skipped } : {}) })
      }
      const extra = { ...(problems ? { problems } : {}), ...(documents.length ? { documents } : {}) }
      if (ids.length === 0) {
        const why = reason ?? 'not converted'
        report.skipped.push({ source: rel, reason: why })
        report.files.push({ source: rel, outcome: 'skipped', reason: why, articles: [], notes: uniq(notes), ...extra })
        continue
      }
      report.files.push({ source: rel, outcome: 'imported', articles: ids, notes: uniq(notes), ...extra })
    } catch (err) {
      const reason = `conversion failed: ${(err as Error).message ?? String(err)}`
      report.skipped.push({ source: rel, reason, error: true })
      report.files.push({ source: rel, outcome: 'failed', reason, articles: [], notes: [] })
    }
  }
  if (opts.dryRun) return report
  if (!opts.force) {
    const existing = (await Promise.all([...articles.keys()].map(async (f) => ((await exists(f)) ? f : undefined)))).filter((f) => f !== undefined)
    if (existing.length > 0) throw new ImportConflictError(existing.sort())
  }
  await mkdir(to, { recursive: true })
  for (const [file, text] of articles) await writeFile(file, text, 'utf8')
  return report
}

/** Every source file below `dir` (SOURCE_EXTENSIONS), as sorted '/'-separated relative paths; hidden folders are left out. */
async function listSourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && SOURCE_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort()
}

/** Reads the files a source's includes name, relative to its folder, never outside `from`. */
function includeReader(from: string, rel: string): (target: string) => string | undefined {
  const base = path.dirname(path.join(from, rel))
  return (target) => {
    const file = path.resolve(base, target)
    if (!file.startsWith(from + path.sep)) return undefined
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return undefined
    }
  }
}

/** The original page's URL: the map file's base_url plus the path without ".md", else the PROVENANCE.md permalink. */
function pageUrl(rel: string, settings: ImportSettings | undefined, provenance: Provenance | undefined): ImportedReference | undefined {
  if (settings?.baseUrl)
    return {
      title: 'Original article',
      url: `${settings.baseUrl.replace(/\/+$/, '')}/${rel.replace(/\.md$/i, '').split('/').map(encodeURIComponent).join('/')}`,
    }
  return provenance ? sourceUrl(provenance, rel) : undefined
}

/** True when a file (or folder) exists. */
async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}

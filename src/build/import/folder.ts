/**
 * Importing a folder: every Markdown file below it (the project's one folder walk,
 * listArticleFiles) converted, ids de-duplicated, and the articles written only when none would
 * replace a file already there (or with `force`).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { listArticleFiles } from '../content/load.js'
import { convertArticle, withId } from './convert.js'
import { numberedId } from './ids.js'
import { type Provenance, readProvenance, sourceUrl } from './provenance.js'
import { type ImportSettings, readImportMap, resolveSettings } from './settings.js'
import type { ConvertOptions, ImportedReference, ImportReport } from './types.js'

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
  const files = (await listArticleFiles(from)).filter((rel) => !output || !rel.startsWith(output))
  const provenance: Provenance | undefined = await readProvenance(from)
  const settings = opts.settings ?? (opts.map ? resolveSettings(await readImportMap(opts.map), {}, opts.map) : undefined)
  const report: ImportReport = { imported: [], skipped: [], files: [] }
  const articles = new Map<string, string>()
  const used = new Map<string, string>()
  for (const rel of files) {
    try {
      const text = await readFile(path.join(from, rel), 'utf8')
      const url = pageUrl(rel, settings, provenance)
      const options: ConvertOptions = { ...(url ? { references: [url] } : {}), ...(settings ? { settings } : {}) }
      const result = convertArticle(text, rel, options)
      const problems = result.problems ? { problems: result.problems } : {}
      if (result.skipped !== undefined || result.articles.length === 0) {
        const reason = result.skipped ?? 'not converted'
        report.skipped.push({ source: rel, reason })
        report.files.push({ source: rel, outcome: 'skipped', reason, articles: [], notes: result.notes, ...problems })
        continue
      }
      const ids: string[] = []
      for (let a of result.articles) {
        const first = used.get(a.id)
        if (first !== undefined) {
          let n = 2
          while (used.has(numberedId(a.id, n))) n++
          const base = a.id
          a = withId(a, numberedId(a.id, n))
          a.notes = [...a.notes, `id "${base}" is already used by ${first}; this article is "${a.id}"`]
          const outcome = result.problems?.find((p) => p.id === base && p.heading === a.heading)
          if (outcome) outcome.id = a.id
        }
        articles.set(path.join(to, `${a.id}.md`), a.article)
        used.set(a.id, rel)
        ids.push(a.id)
        report.imported.push({ source: rel, id: a.id, notes: a.notes, ...(a.heading ? { heading: a.heading } : {}) })
      }
      report.files.push({ source: rel, outcome: 'imported', articles: ids, notes: result.notes, ...problems })
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

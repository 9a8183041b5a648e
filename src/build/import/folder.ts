/**
 * Importing a folder: every Markdown file below it (the project's one folder walk,
 * listArticleFiles) converted, ids de-duplicated, and the articles written only when none would
 * replace a file already there (or with `force`).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { listArticleFiles } from '../content/load.js'
import { convertArticle } from './convert.js'
import { numberedId } from './ids.js'
import { type Provenance, readProvenance, sourceUrl } from './provenance.js'
import type { ConvertOptions, ImportReport } from './types.js'

/** Thrown before anything is written when an article to import exists already in `--to`. */
export class ImportConflictError extends Error {
  constructor(readonly existing: string[]) {
    const more = existing.length > 1 ? ` (and ${existing.length - 1} more)` : ''
    super(`${existing[0]} already exists${more}; nothing was written, use --force to overwrite`)
    this.name = 'ImportConflictError'
  }
}

/**
 * Convert every *.md below `from` into `<to>/<id>.md`; every file is imported or skipped with a
 * reason. Every file is converted before any is written: when an article would replace a file
 * already in `to`, nothing is written and ImportConflictError names it, unless `force` is set.
 */
export async function importFolder(opts: { from: string; to: string; force?: boolean }): Promise<ImportReport> {
  const from = path.resolve(opts.from)
  const to = path.resolve(opts.to)
  const info = await stat(from).catch(() => undefined)
  if (!info?.isDirectory()) throw new Error(`--from ${opts.from} is not a folder`)
  if (to === from) throw new Error('--to must be a different folder from --from (files would overwrite their sources)')
  // A `--to` inside `--from`: its files (an earlier import) are not sources.
  const output = to.startsWith(from + path.sep) ? `${path.relative(from, to).split(path.sep).join('/')}/` : undefined
  const files = (await listArticleFiles(from)).filter((rel) => !output || !rel.startsWith(output))
  const provenance: Provenance | undefined = await readProvenance(from)
  const report: ImportReport = { imported: [], skipped: [] }
  const articles = new Map<string, string>()
  const used = new Map<string, string>()
  for (const rel of files) {
    try {
      const text = await readFile(path.join(from, rel), 'utf8')
      const url = provenance ? sourceUrl(provenance, rel) : undefined
      const options: ConvertOptions = url ? { references: [url] } : {}
      let result = convertArticle(text, rel, options)
      if (result.skipped !== undefined || result.article === undefined) {
        report.skipped.push({ source: rel, reason: result.skipped ?? 'not converted' })
        continue
      }
      const first = used.get(result.id)
      if (first !== undefined) {
        let n = 2
        while (used.has(numberedId(result.id, n))) n++
        const id = numberedId(result.id, n)
        const base = result.id
        result = convertArticle(text, rel, { ...options, id })
        result.notes.push(`id "${base}" is already used by ${first}; this article is "${id}"`)
      }
      if (result.article === undefined) throw new Error('conversion with a de-duplicated id failed')
      articles.set(path.join(to, `${result.id}.md`), result.article)
      used.set(result.id, rel)
      report.imported.push({ source: rel, id: result.id, notes: result.notes })
    } catch (err) {
      report.skipped.push({ source: rel, reason: `conversion failed: ${(err as Error).message ?? String(err)}`, error: true })
    }
  }
  if (!opts.force) {
    const existing = (await Promise.all([...articles.keys()].map(async (f) => ((await exists(f)) ? f : undefined)))).filter((f) => f !== undefined)
    if (existing.length > 0) throw new ImportConflictError(existing.sort())
  }
  await mkdir(to, { recursive: true })
  for (const [file, text] of articles) await writeFile(file, text, 'utf8')
  return report
}

/** True when a file (or folder) exists. */
async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}

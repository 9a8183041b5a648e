/**
 * One KB per corpus, as an adopter would have it: the bundled articles as they are, and every
 * other corpus (a folder of source pages) imported by the project's importer into a temporary
 * folder, with the corpus's mapping file when there is one, then loaded and built.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { LoadedArtifact } from '../build/artifact/artifact.js'
import { parseArtifact } from '../build/artifact/artifact.js'
import { buildArtifact } from '../build/index/build.js'
import { NO_SYNONYMS } from '../core/analysis/synonyms.js'
import { loadArticles } from '../build/content/load.js'
import { importFolder } from '../build/import/import.js'

/** The corpus of the articles shipped with the project. */
export const BUNDLED = 'bundled'

/** Where a corpus comes from: a folder of articles as they are, or a folder of pages to import. */
export interface CorpusSource {
  name: string
  dir: string
  form: 'articles' | 'import'
}

/** A corpus's KB and what building it said. */
export interface CorpusKb extends CorpusSource {
  artifact: LoadedArtifact
  /** Source files imported and skipped (imported corpora only). */
  files?: { imported: number; skipped: number }
  map?: string
  warnings: string[]
}

/** The corpora: `articles` as `bundled`, then every sub-folder of each of `dirs` (missing folders are skipped), by name. */
export async function listCorpora(articles: string, dirs: readonly string[]): Promise<CorpusSource[]> {
  const found: CorpusSource[] = []
  for (const dir of dirs) {
    if (!existsSync(dir)) continue
    for (const e of await readdir(dir, { withFileTypes: true })) if (e.isDirectory()) found.push({ name: e.name, dir: path.join(dir, e.name), form: 'import' })
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const names = new Set<string>()
  for (const c of found) {
    if (c.name === BUNDLED || names.has(c.name)) throw new Error(`corpus "${c.name}" is found twice (${c.dir}); corpus names must be unique`)
    names.add(c.name)
  }
  return [{ name: BUNDLED, dir: articles, form: 'articles' }, ...found]
}

/**
 * Build a corpus's KB. An imported corpus is imported into `<tmp>/<name>` (with
 * `<mapsDir>/<name>.yml` as its mapping file when present); files the loader then rejects are
 * counted in a warning, not fatal: the eval measures what an adopter's import gives. With its
 * synonyms.yml and the built-in list, or with `synonyms` false none at all.
 */
export async function buildCorpusKb(source: CorpusSource, tmp: string, mapsDir?: string, synonyms = true): Promise<CorpusKb> {
  const warnings: string[] = []
  let dir = source.dir
  const kb: Partial<CorpusKb> = {}
  if (source.form === 'import') {
    dir = path.join(tmp, source.name)
    const map = mapsDir ? path.join(mapsDir, `${source.name}.yml`) : undefined
    const useMap = map !== undefined && existsSync(map)
    const report = await importFolder({ from: source.dir, to: dir, force: true, ...(useMap ? { map } : {}) })
    kb.files = { imported: report.imported.length, skipped: report.skipped.length }
    if (useMap) kb.map = map
  }
  const loaded = await loadArticles(dir, source.name)
  const errors = loaded.problems.filter((p) => p.severity === 'error')
  if (source.form === 'articles' && errors.length > 0)
    throw new Error(`${source.dir} has ${errors.length} content error(s), first: ${errors[0]!.file}: ${errors[0]!.message}`)
  if (errors.length > 0) warnings.push(`${errors.length} imported article(s) rejected by the loader, first: ${errors[0]!.file}: ${errors[0]!.message}`)
  if (loaded.articles.length === 0)
    throw new Error(`no article to build a KB from (${kb.files ? `${kb.files.skipped} files skipped by the importer` : 'empty folder'})`)
  const { bytes } = buildArtifact(loaded.articles, synonyms ? loaded.synonyms : NO_SYNONYMS)
  return { ...source, ...kb, artifact: parseArtifact(bytes, source.name), warnings }
}

/** Article ids for imported files: from the file name, and numbered when two files would share one. */
import path from 'node:path'
import { LIMITS } from '../../limits.js'
import { topicFolder } from './environment.js'

/**
 * The article id for a source path: its base name without its extension (.md, .html, .json...),
 * lowercased, non-[a-z0-9] runs as "-", and no longer than an id may be (LIMITS.articleIdChars),
 * cut after a whole word where there is one.
 */
export function idFromPath(sourcePath: string): string {
  const id = path.posix
    .basename(sourcePath.split(path.sep).join('/'))
    .replace(/\.(?:md|markdown|html?|json)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (id.length <= LIMITS.articleIdChars) return id
  const cut = id.slice(0, LIMITS.articleIdChars + 1).lastIndexOf('-')
  return cut > 0 ? id.slice(0, cut) : id.slice(0, LIMITS.articleIdChars)
}

/** `id` with `-n` appended, shortened first if the id would be longer than an id may be. */
export function numberedId(id: string, n: number): string {
  const suffix = `-${n}`
  return `${id.slice(0, LIMITS.articleIdChars - suffix.length).replace(/-+$/, '')}${suffix}`
}

/** Base names that say what kind of page a file is, not what it is about ("troubleshooting.md"). */
const GENERIC_PAGE_NAMES = new Set(['troubleshooting', 'troubleshoot', 'index', 'readme', 'faq', 'errors', 'known-issues', 'debugging', 'overview'])

/**
 * The id of a page that may be split into problems: `idFromPath`, with the name of the nearest
 * folder that names something in front when the base name only says "troubleshooting" (so
 * `user/group/import/troubleshooting.md` is `import-troubleshooting`, not one of nineteen
 * `troubleshooting`s, and `codebuild-guide/doc_source/troubleshooting.md` is
 * `codebuild-guide-troubleshooting`: "doc_source" only says where files are kept).
 */
export function pageIdFromPath(sourcePath: string): string {
  const rel = sourcePath.split(path.sep).join('/')
  const base = idFromPath(rel)
  const parent = topicFolder(rel)
  if (!GENERIC_PAGE_NAMES.has(base) || !parent) return base
  return idFromPath(`${parent}-${base}`)
}

/**
 * The id of one problem split out of a multi-problem page: the page's id, then the words of the
 * heading (Markdown marks and quotes dropped), cut after a whole word to fit LIMITS.articleIdChars.
 */
export function problemId(pageId: string, heading: string): string {
  const words = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const id = words ? `${pageId}-${words}` : pageId
  if (id.length <= LIMITS.articleIdChars) return id
  const cut = id.slice(0, LIMITS.articleIdChars + 1).lastIndexOf('-')
  return cut > pageId.length ? id.slice(0, cut) : id.slice(0, LIMITS.articleIdChars).replace(/-+$/, '')
}

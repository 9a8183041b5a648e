/** Article ids for imported files: from the file name, and numbered when two files would share one. */
import path from 'node:path'
import { LIMITS } from '../../limits.js'

/**
 * The article id for a source path: its base name, lowercased, non-[a-z0-9] runs as "-", and no
 * longer than an id may be (LIMITS.articleIdChars), cut after a whole word where there is one.
 */
export function idFromPath(sourcePath: string): string {
  const id = path.posix
    .basename(sourcePath.split(path.sep).join('/'))
    .replace(/\.md$/i, '')
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

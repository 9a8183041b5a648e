/**
 * Where imported files came from: a PROVENANCE.md at the root of the import folder that names a
 * GitHub repository ("Repository: https://github.com/owner/repo (folder `a/b`)") and, in a table,
 * the commit of each saved file (| path | commit | ...). Files are assumed to sit under their
 * repository paths, so each one gets a permalink to the exact version it was copied from.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** A PROVENANCE.md read: the repository, the folder the files sit in, and each file's commit. */
export interface Provenance {
  /** https://github.com/owner/repo */
  repository: string
  /** Folder inside the repository that table paths are relative to. */
  folder?: string
  /** Repository path -> commit id. */
  commits: Map<string, string>
}

/** Read a PROVENANCE.md's text; undefined when it names no GitHub repository. */
export function parseProvenance(text: string): Provenance | undefined {
  const repo = /Repository:\s*<?(https:\/\/github\.com\/[\w.-]+\/[\w.-]+?)(?:\.git)?\/?>?(?=[\s)(]|$)/i.exec(text)
  if (!repo) return undefined
  const folder = /\(folder\s+`([^`]+)`/i.exec(text)?.[1]?.replace(/^\/+|\/+$/g, '')
  const commits = new Map<string, string>()
  for (const m of text.matchAll(/^\|\s*([^|\s][^|]*?\.md)\s*\|\s*([0-9a-f]{40})\s*\|/gim)) {
    const p = m[1]!.replace(/`/g, '')
    commits.set(folder ? `${folder}/${p}` : p, m[2]!)
  }
  return { repository: repo[1]!, ...(folder ? { folder } : {}), commits }
}

/** The PROVENANCE.md of a folder, if it has a readable one. */
export async function readProvenance(dir: string): Promise<Provenance | undefined> {
  try {
    return parseProvenance(await readFile(path.join(dir, 'PROVENANCE.md'), 'utf8'))
  } catch {
    return undefined
  }
}

/** The original's URL for a file at `rel` (repository path), when the provenance covers it. */
export function sourceUrl(p: Provenance, rel: string): { title: string; url: string } | undefined {
  if (p.folder && !rel.startsWith(`${p.folder}/`)) return undefined
  const commit = p.commits.get(rel)
  if (!commit && p.commits.size > 0) return undefined
  const repo = p.repository.replace(/^https:\/\/github\.com\//i, '')
  const url = `${p.repository}/blob/${commit ?? 'HEAD'}/${rel.split('/').map(encodeURIComponent).join('/')}`
  return { title: `Original article (${repo} on GitHub)`, url }
}

/**
 * The source article's frontmatter: read leniently (invalid YAML is noted and ignored), with its
 * values as text, its date as YYYY-MM-DD and its title without a site suffix.
 */
import { parse as parseYaml } from 'yaml'
import { isRealDate } from '../content/load.js'

/** The frontmatter's mapping and the Markdown after it; a frontmatter that is not a mapping is noted and ignored. */
export function splitFrontmatter(text: string, notes: string[]): { data: Record<string, unknown>; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text)
  if (!m) return { data: {}, body: text }
  const body = text.slice(m[0].length)
  try {
    // logLevel 'error': a tag such as !!js/function is read as text, without a warning on stderr.
    const data: unknown = parseYaml(m[1]!, { uniqueKeys: false, strict: false, logLevel: 'error' })
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, body }
    notes.push('source frontmatter is not a mapping; ignored')
  } catch {
    notes.push('source frontmatter is not valid YAML; ignored')
  }
  return { data: {}, body }
}

/** A frontmatter value as trimmed text (a list joined with ", "); undefined when empty or not text. */
export const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ') || undefined
  return undefined
}

/** "04/17/2025" (ms.date) or "2025-04-17" to YYYY-MM-DD, only for real dates. */
export function isoDate(v: string | undefined): string | undefined {
  if (!v) return undefined
  let y: string, mo: string, d: string
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim())
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim())
  if (us) [y, mo, d] = [us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')]
  else if (iso) [y, mo, d] = [iso[1]!, iso[2]!, iso[3]!]
  else return undefined
  const s = `${y}-${mo}-${d}`
  return isRealDate(s) ? s : undefined
}

/** A title with single spaces and without a site suffix ("Title | Site Docs"; `suffixes`: the profile's site names). */
export function cleanTitle(t: string | undefined, suffixes: string[] = []): string | undefined {
  let s = t?.replace(/\s+/g, ' ').trim()
  for (const suffix of suffixes) {
    const m = / ?\| ?([^|]+)$/.exec(s ?? '')
    if (m && m[1]!.trim().toLowerCase() === suffix.toLowerCase()) s = s!.slice(0, m.index).trim()
  }
  return s || undefined
}

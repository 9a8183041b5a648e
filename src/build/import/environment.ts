/**
 * The environment of an imported article, from what the source says: its "Applies to" lines and
 * Environment sections, the frontmatter keys that name products (settings.environmentKeys), the
 * map file or flags, a profile's product identifiers; else the folder's name, with a note. Product
 * names come from data (the map file and src/build/import/profiles), never from this code.
 */
import { str } from './frontmatter.js'
import type { ImportSettings, Profile } from './settings.js'
import { uniq } from './text.js'

/** The product a frontmatter slug or folder name stands for: the map file's product_names, else the profile's slugs. */
export function productFromSlug(slug: string | undefined, settings: ImportSettings, profile: Profile | undefined): string | undefined {
  if (!slug) return undefined
  const s = slug.toLowerCase().trim()
  return settings.productNames[s] ?? profile?.productSlugs.find(([re]) => re.test(s))?.[1]
}

/** A value written as an identifier ("sql-non-specified", "ci_cd"), not as a name. */
const isSlug = (v: string): boolean => /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(v)

/**
 * Environment entries from the frontmatter: each environment key's value (a list, or a scalar that
 * may hold a comma-separated list), names as written; an identifier only through product_names or
 * the profile's slugs (an identifier nobody names is noted).
 */
export function frontmatterEnvironment(fm: Record<string, unknown>, settings: ImportSettings, profile: Profile | undefined, notes: string[]): string[] {
  const keys = uniq([...settings.environmentKeys, ...(profile?.slugKeys ?? [])])
  const out: string[] = []
  const unnamed: string[] = []
  for (const key of keys) {
    const v = fm[key]
    const values = Array.isArray(v) ? v.map(str) : [str(v)]
    for (const value of values) {
      if (!value) continue
      const named = productFromSlug(value, settings, profile)
      if (named) out.push(named)
      else if (profile?.slugKeys.includes(key) && !settings.environmentKeys.includes(key)) continue
      else if (isSlug(value)) unnamed.push(`${key}: ${value}`)
      else out.push(...splitEnvironment(value))
    }
  }
  if (out.length === 0 && unnamed.length)
    notes.push(`frontmatter names identifiers no map names (${unnamed.join(', ')}); add them to product_names in the map file`)
  return uniq(out)
}

/**
 * Folder names that say where files are kept, not what they are about: storage folders, and
 * locales (`en-us`, and the commonest bare language codes; not every two letters: `ci` is a topic).
 */
const GENERIC_FOLDERS =
  /^(?:docs?|doc[-_]source|documentation|content|src|source|sources|articles|kb|md|markdown|html|export|[a-z]{2}[-_][a-z]{2}|en|de|fr|es|it|pt|ja|zh|ko|ru|nl|sv|pl)$/i

/** The nearest folder of a path that names something (not "docs", "doc_source", "en-us"); undefined when none does. */
export function topicFolder(rel: string): string | undefined {
  return rel
    .split('/')
    .slice(0, -1)
    .reverse()
    .find((f) => !GENERIC_FOLDERS.test(f))
}

/** A folder's name as a product: "container_registry" -> "Container registry". */
export function humanize(folder: string): string {
  const s = folder.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim()
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** "Internet Information Services 8.0, 7.5, 7.0" stays one entry; "Windows 10 Pro, Windows Server 2016" is two. */
export function splitEnvironment(value: string): string[] {
  const parts: string[] = []
  for (const raw of value.replace(/&nbsp;/g, ' ').split(/\s*,\s*/)) {
    const p = raw
      .replace(/\s+/g, ' ')
      .replace(/[.;]\s*$/, '')
      .trim()
    if (!p) continue
    if (parts.length > 0 && /^(?:\d|and\b|or\b|later\b)/i.test(p)) parts[parts.length - 1] += `, ${p}`
    else parts.push(p)
  }
  return parts
}

/** A product name without its version list: "Internet Information Services 7.0 and later versions" -> "Internet Information Services". */
export function productName(entry: string): string {
  return entry
    .replace(/\s+(?:and|or)\s+later(?:\s+versions?)?$/i, '')
    .replace(/\s+(?:Service Pack|SP)\s*\d+$/i, '')
    .replace(/(?:[\s,]+(?:v(?:ersion)?\s*)?\d[\w.]*(?:\s+(?:SP\d+|R2))?)+$/i, '')
    .replace(/\s+(?:and|or)\s*$/i, '')
    .trim()
}

/**
 * The article's environment: its own lines, else the frontmatter's products, the map file's or
 * flags', a product identifier in a folder name or a product the title names (profile), else the
 * folder's name. Never empty: an article is not skipped for want of an environment. A guess is
 * noted; `guessed` is set when the folder's name is all there was (it names no product).
 */
export function environmentOrFallback(
  lines: string[],
  fm: Record<string, unknown>,
  rel: string,
  heading: { title: string; h1?: string },
  context: { settings: ImportSettings; profile: Profile | undefined; rootFolder?: string },
  notes: string[],
): { environment: string[]; guessed?: true } {
  const { settings, profile } = context
  const { title, h1 } = heading
  const own = uniq(lines)
  if (own.length) return { environment: own }
  const fmEnv = frontmatterEnvironment(fm, settings, profile, notes)
  if (fmEnv.length) {
    notes.push(`no "Applies to"/product version line; environment is the product named in frontmatter: ${fmEnv.join(', ')}`)
    return { environment: fmEnv }
  }
  if (settings.environment.length) return { environment: uniq(settings.environment) }
  const folders = rel.split('/').slice(0, -1)
  const folderProduct = [...folders]
    .reverse()
    .map((f) => productFromSlug(f, settings, profile))
    .find(Boolean)
  if (folderProduct) {
    notes.push(`no "Applies to"/product version line; environment derived from the folder: ${folderProduct}`)
    return { environment: [folderProduct] }
  }
  const text = `${title} ${h1 ?? ''} ${str(fm.description) ?? ''}`
  const mention = profile?.productMentions.find(([re]) => re.test(text))?.[1]
  if (mention) {
    notes.push(`no "Applies to"/product version line; environment is the product the title names: ${mention}`)
    return { environment: [mention] }
  }
  // The nearest folder that names something: "doc_source", "docs", "en-us" only say where files are kept.
  const folder = topicFolder(rel) ?? context.rootFolder
  const fallback = folder ? humanize(folder) : 'General'
  notes.push(`warning: nothing names the environment; it is the folder's name, "${fallback}" (say it with --environment or the map file)`)
  return { environment: [fallback], guessed: true }
}

/**
 * The environment of an imported article: "Applies to" lines split into entries, product names
 * without their versions, and the products recognized in frontmatter slugs, folders and titles.
 */
import { str } from './frontmatter.js'
import { uniq } from './text.js'

/** Product names recognized in frontmatter slugs, folder names and titles. */
const PRODUCT_SLUGS: Array<[RegExp, string]> = [
  [/^iis\b|^iis-|internet-information-services/, 'Internet Information Services (IIS)'],
  [/^(?:sql|sql-server|relational-databases|database-engine)$/, 'SQL Server'],
  [/^(?:aspnet|asp-net)$/, 'ASP.NET'],
  [/^azure-sql-database$/, 'Azure SQL Database'],
]
/** Product names recognized in the text of a title or description. */
export const PRODUCT_MENTIONS: Array<[RegExp, string]> = [
  [/\bInternet Information Services\b|\bIIS\b/, 'Internet Information Services (IIS)'],
  [/\bSQL Server\b|\bMSSQLSERVER\b/, 'SQL Server'],
  [/\bWeb Deploy\b/, 'Web Deploy'],
  [/\bASP\.NET\b/, 'ASP.NET'],
]

/** The product a frontmatter slug or folder name stands for ("iis", "sql-server"). */
export function productFromSlug(slug: string | undefined): string | undefined {
  if (!slug) return undefined
  const s = slug.toLowerCase().trim()
  return PRODUCT_SLUGS.find(([re]) => re.test(s))?.[1]
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
 * The article's environment: its own lines, else the product named in frontmatter (ms.prod,
 * ms.service...), in a folder name, or in the title; undefined when none names one. A guess is noted.
 */
export function environmentOrFallback(
  lines: string[],
  fm: Record<string, unknown>,
  rel: string,
  heading: { title: string; h1?: string },
  notes: string[],
): string[] | undefined {
  const { title, h1 } = heading
  let env = uniq(lines)
  if (env.length === 0) {
    const fmProduct = ['ms.prod', 'ms.service', 'ms.technology', 'ms.product', 'product'].map((k) => productFromSlug(str(fm[k]))).find(Boolean)
    const folderProduct = rel.split('/').slice(0, -1).reverse().map(productFromSlug).find(Boolean)
    const mention = PRODUCT_MENTIONS.find(([re]) => re.test(`${title} ${h1 ?? ''} ${str(fm.description) ?? ''}`))?.[1]
    if (fmProduct) {
      env = [fmProduct]
      notes.push(`no "Applies to"/product version line; environment is the product named in frontmatter: ${fmProduct}`)
    } else if (folderProduct) {
      env = [folderProduct]
      notes.push(`no "Applies to"/product version line; environment derived from the folder: ${folderProduct}`)
    } else if (mention) {
      env = [mention]
      notes.push(`no "Applies to"/product version line; environment is the product the title names: ${mention}`)
    } else {
      return undefined
    }
  }
  return env
}

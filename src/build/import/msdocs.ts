/**
 * Cleaning Microsoft Docs (DocFX / Learn) Markdown extensions out of imported articles, so the
 * text renders as plain CommonMark + GFM: `[!INCLUDE ...]`, `> [!NOTE]` alerts, `:::image:::`,
 * `:::no-loc:::`, tab headings (`# [Label](#tab/x)`), `<a name=...>` anchors, `<pre>` blocks.
 * "Applies to" / "Original product version" lines are lifted out as environment entries.
 * Lines inside fenced code blocks are never touched. What includes stand for (terms, products) is
 * the profile's data (src/build/import/profiles/msdocs.yml); without one, includes are dropped and noted.
 */
import type { Profile } from './settings.js'

export interface Preprocessed {
  text: string
  /** Values of "Applies to:" / "Original product version:" lines and applies-to includes, as written. */
  environment: string[]
  notes: string[]
}

const INCLUDE = /\[!INCLUDE\s*\[([^\]]*)\]\(([^)]*)\)\]/gi
const STANDALONE_INCLUDE = /^(\s*(?:>\s*)*)\[!INCLUDE\s*\[([^\]]*)\]\(([^)]*)\)\]\s*$/i
const ALERT_ALONE = /^(\s*(?:>\s*)+)\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i
const ALERT_INLINE = /\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/gi
const DIV = /^\s*(?:>\s*)*\[!div\b[^\]]*\]\s*$/i
const IMAGE_DIRECTIVE = /:::image(-end)?\b((?:(?!:::).)*):::/g
const NO_LOC = /:::no-loc\s+text=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*:::/g
const ANCHOR = /<a\s+(?:name|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)\s*\/?>\s*(?:<\/a>)?/gi
const TAB_HEADING = /^#{1,6}\s+\[([^\]]+)\]\(#tab\/[^)]*\)\s*$/
const FENCE = /^\s*(`{3,}|~{3,})/
/** "_Original product version:_ &nbsp; X", "_Applies to:_ &nbsp; X", "**Applies to:** X". */
const ENV_LINE =
  /^\s*(?:[_*]{1,2})?(?:original product versions?|applies to|product versions?)\s*(?::\s*(?:[_*]{1,2})?|(?:[_*]{1,2})\s*:)\s*((?:&nbsp;|\u00a0|\s)*)(.*?)\s*$/i

/** Turn one include into text: a term the profile knows, or nothing (with a note). */
function includeText(label: string, target: string, terms: Record<string, string>, notes: Set<string>): string {
  const key = label.trim().toLowerCase()
  const file = (target.split('/').pop() ?? '').replace(/\.md$/i, '').replace(/-md$/i, '').toLowerCase()
  const term = terms[key] ?? terms[file]
  if (term !== undefined) return term
  notes.add(`dropped an include the importer cannot expand: [!INCLUDE [${label}](${target})]`)
  return ''
}

/** The products an "applies to" include names: the profile's table, else its label; undefined for other includes. */
function appliesTo(label: string, target: string, table: Record<string, string[]>): string[] | undefined {
  if (!/applies-?to/i.test(target)) return undefined
  const file = (target.split('/').pop() ?? '').replace(/\.md$/i, '').replace(/-md$/i, '').toLowerCase()
  return table[file] ?? (label.trim() ? [label.trim()] : [])
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()

/** Clean DocFX syntax out of a Markdown body (LF line endings, no frontmatter). */
export function preprocessMsDocs(markdown: string, profile?: Profile): Preprocessed {
  const terms = profile?.includeTerms ?? {}
  const appliesToTable = profile?.appliesToIncludes ?? {}
  const notes = new Set<string>()
  const environment: string[] = []
  const out: string[] = []
  let fence: string | undefined
  let inPre = false
  let inTabs = false
  for (const original of markdown.split('\n')) {
    let line = original
    if (fence !== undefined) {
      out.push(line)
      const m = FENCE.exec(line)
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined
      continue
    }
    if (inPre) {
      const end = line.search(/<\/pre>/i)
      if (end < 0) {
        out.push(decodeEntities(line).replace(/\s+$/, ''))
        continue
      }
      const before = line.slice(0, end)
      if (before.trim()) out.push(decodeEntities(before).replace(/\s+$/, ''))
      out.push('```')
      inPre = false
      const rest = line.slice(end + 6).trim()
      if (rest) out.push(rest)
      continue
    }
    const fm = FENCE.exec(line)
    if (fm) {
      fence = fm[1]
      out.push(line)
      continue
    }
    const pre = /^\s*<pre>/i.exec(line)
    if (pre) {
      out.push('```')
      inPre = true
      const rest = line.slice(pre[0].length)
      const end = rest.search(/<\/pre>/i)
      if (end >= 0) {
        if (rest.slice(0, end).trim()) out.push(decodeEntities(rest.slice(0, end)).replace(/\s+$/, ''))
        out.push('```')
        inPre = false
        if (rest.slice(end + 6).trim()) out.push(rest.slice(end + 6).trim())
      } else if (rest.trim()) {
        out.push(decodeEntities(rest).replace(/\s+$/, ''))
      }
      continue
    }

    const env = ENV_LINE.exec(line)
    if (env && env[2]!.trim()) {
      environment.push(env[2]!.replace(/&nbsp;/g, ' ').trim())
      continue
    }
    const tab = TAB_HEADING.exec(line)
    if (tab) {
      out.push(`**${tab[1]!.trim()}**`)
      inTabs = true
      continue
    }
    if (inTabs && /^\s*---\s*$/.test(line)) {
      inTabs = false
      continue
    }
    if (DIV.test(line)) continue

    const alone = STANDALONE_INCLUDE.exec(line)
    if (alone) {
      const products = appliesTo(alone[2]!, alone[3]!, appliesToTable)
      if (products) {
        environment.push(...products)
        continue
      }
      const text = includeText(alone[2]!, alone[3]!, terms, notes)
      if (!text) continue
      out.push(`${alone[1]}${text}`)
      continue
    }

    const before = line
    line = line.replace(INCLUDE, (_, label: string, target: string) => includeText(label, target, terms, notes))
    const alert = ALERT_ALONE.exec(line)
    if (alert) line = `${alert[1]}**${cap(alert[2]!)}**`
    else line = line.replace(ALERT_INLINE, (_, kind: string) => `**${cap(kind)}:** `)
    line = line.replace(NO_LOC, (_, dq: string | undefined, sq: string | undefined) => dq ?? sq ?? '')
    line = line.replace(IMAGE_DIRECTIVE, (_, end: string | undefined, attrs: string) => {
      if (end) return ''
      const alt = /alt-text\s*=\s*"([^"]*)"/.exec(attrs)?.[1]?.trim()
      return alt ? `(Image: ${alt.replace(/([*_`[\]\\])/g, '\\$1')})` : ''
    })
    line = line.replace(ANCHOR, '')
    line = line.replace(/<kbd>(.*?)<\/kbd>/gi, '**$1**')
    if (/^\s*:::/.test(line)) {
      notes.add('dropped ":::" directive lines')
      continue
    }
    // A line that only held removed syntax goes away entirely (a blank line could split a list).
    if (line.trim() === '' && before.trim() !== '') continue
    out.push(line)
  }
  if (inPre) out.push('```')
  if (fence !== undefined) out.push(fence)
  return { text: out.join('\n'), environment, notes: [...notes] }
}

/**
 * Cleaning Microsoft Docs (DocFX / Learn) Markdown extensions out of imported articles, so the
 * text renders as plain CommonMark + GFM: `[!INCLUDE ...]`, `> [!NOTE]` alerts, `:::image:::`,
 * `:::no-loc:::`, tab headings (`# [Label](#tab/x)`), `<a name=...>` anchors, `<pre>` blocks.
 * "Applies to" / "Original product version" lines are lifted out as environment entries.
 * Lines inside fenced code blocks are never touched.
 */

export interface Preprocessed {
  text: string
  /** Values of "Applies to:" / "Original product version:" lines and applies-to includes, as written. */
  environment: string[]
  notes: string[]
}

/** Inline includes that stand for a product or UI term (sql-docs, SupportArticles-docs). */
const INCLUDE_TERMS: Record<string, string> = {
  ssnoversion: 'SQL Server',
  sscurrent: 'SQL Server',
  msconame: 'Microsoft',
  tsql: 'Transact-SQL',
  ssmanstudiofull: 'SQL Server Management Studio',
  ssmanstudio: 'Management Studio',
  ssde: 'Database Engine',
  ssdenoversion: 'Database Engine',
  sssqlprofiler: 'SQL Server Profiler',
  sshadr: 'Always On availability groups',
  ssversion2005: 'SQL Server 2005',
  sskatmai: 'SQL Server 2008',
  sskilimanjaro: 'SQL Server 2008 R2',
  sssql11: 'SQL Server 2012',
  sssql14: 'SQL Server 2014',
  sssql15: 'SQL Server 2016',
  sssql17: 'SQL Server 2017',
  sssql19: 'SQL Server 2019',
  sssql22: 'SQL Server 2022',
  sssds: 'Azure SQL Database',
  sssdsfull: 'Azure SQL Database',
  ssazure: 'Azure SQL Database',
  clickok: 'Select **OK**.',
  ssnoteregistry: '**Caution:** Incorrectly editing the registry can severely damage your system. Back up the registry before you change it.',
}

/** Applies-to includes: file name (without -md/.md) to the products it names. */
const APPLIES_TO: Record<string, string[]> = {
  'appliesto-ss-xxxx-xxxx-xxx': ['SQL Server'],
  sqlserver: ['SQL Server'],
  'sql-asdb-asdbmi': ['SQL Server', 'Azure SQL Database', 'Azure SQL Managed Instance'],
  'sql-asdb-asdbmi-asa': ['SQL Server', 'Azure SQL Database', 'Azure SQL Managed Instance', 'Azure Synapse Analytics'],
  'sql-asdb': ['SQL Server', 'Azure SQL Database'],
  'sql-asdbmi': ['SQL Server', 'Azure SQL Managed Instance'],
  asdb: ['Azure SQL Database'],
  asdbmi: ['Azure SQL Managed Instance'],
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

/** Turn one include into text: a known term, or nothing (with a note). */
function includeText(label: string, target: string, notes: Set<string>): string {
  const key = label.trim().toLowerCase()
  const file = (target.split('/').pop() ?? '').replace(/\.md$/i, '').replace(/-md$/i, '').toLowerCase()
  const term = INCLUDE_TERMS[key] ?? INCLUDE_TERMS[file]
  if (term !== undefined) return term
  notes.add(`dropped an include the importer cannot expand: [!INCLUDE [${label}](${target})]`)
  return ''
}

function appliesTo(label: string, target: string): string[] | undefined {
  if (!/applies-?to/i.test(target)) return undefined
  const file = (target.split('/').pop() ?? '').replace(/\.md$/i, '').replace(/-md$/i, '').toLowerCase()
  return APPLIES_TO[file] ?? (label.trim() ? [label.trim()] : [])
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

/** Clean Microsoft Docs syntax out of a Markdown body (LF line endings, no frontmatter). */
export function preprocessMsDocs(markdown: string): Preprocessed {
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
      const products = appliesTo(alone[2]!, alone[3]!)
      if (products) {
        environment.push(...products)
        continue
      }
      const text = includeText(alone[2]!, alone[3]!, notes)
      if (!text) continue
      out.push(`${alone[1]}${text}`)
      continue
    }

    const before = line
    line = line.replace(INCLUDE, (_, label: string, target: string) => includeText(label, target, notes))
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
      notes.add('dropped Microsoft Docs ":::" directive lines')
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

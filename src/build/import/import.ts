/**
 * Importing Markdown troubleshooting articles written in other formats into this KB's article
 * format (docs/article-format.md). Two source styles are recognized:
 *
 * - support-article style: frontmatter plus headings such as Symptoms / Cause / Resolution /
 *   Workaround (any level, singular or plural, numbered, "Cause 2: ...", "Method 1: ..." under a
 *   Resolution), older bare-paragraph labels ("Cause" on its own line), and role tables
 *   (| **Symptoms** | ... | **Root cause** | ... | **Fix** | ...);
 * - error-reference style: a Details table (| Message Text | ... |, | Event ID | ... |) followed by
 *   Explanation and User Action sections.
 *
 * `convertArticle` is pure; `importFolder` walks a folder, converts and writes each file, and
 * reports every Markdown file as imported or skipped with a reason.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Nodes, RootContent } from 'mdast'
import { parse as parseYaml, stringify } from 'yaml'
import { parseArticle } from '../content/load.js'
import { LIMITS } from '../../limits.js'
import { findTooDeep, findTooManyOpeners } from '../render/nesting.js'
import {
  classifyHeading,
  descendants,
  headingKey,
  isBareRoleHeading,
  outline,
  parseMarkdown,
  plainText,
  type Role,
  roleTable,
  type Section,
  Source,
  tidyLines,
} from './markdown.js'
import { preprocessMsDocs } from './msdocs.js'
import { type Provenance, readProvenance, sourceUrl } from './provenance.js'

export interface ImportedReference {
  title?: string
  url: string
}

export interface ConvertOptions {
  /** Id to use instead of the one derived from the file name (the importer's de-duplication). */
  id?: string
  /** Where the original lives (http or https URLs only). */
  references?: ImportedReference[]
}

export interface ConvertResult {
  /** The new article file's text; absent when the file is skipped. */
  article?: string
  id: string
  /** Why the file was not converted. */
  skipped?: string
  /** What the converter guessed or changed, for a reviewer. */
  notes: string[]
}

export interface ImportReport {
  imported: Array<{ source: string; id: string; notes: string[] }>
  /** `error` is set when conversion failed unexpectedly (a bug), rather than by rule. */
  skipped: Array<{ source: string; reason: string; error?: boolean }>
}

/** File names that hold notes about a folder, not an article. */
const NOT_ARTICLE = /^(?:readme|provenance|toc|index|changelog|license|contributing|code_of_conduct|security)\.md$/i

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

// ---------------------------------------------------------------------------------------------
// Source frontmatter

function splitFrontmatter(text: string, notes: string[]): { data: Record<string, unknown>; body: string } {
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

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ') || undefined
  return undefined
}

/** "04/17/2025" (ms.date) or "2025-04-17" to YYYY-MM-DD, only for real dates. */
function isoDate(v: string | undefined): string | undefined {
  if (!v) return undefined
  let y: string, mo: string, d: string
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim())
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim())
  if (us) [y, mo, d] = [us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')]
  else if (iso) [y, mo, d] = [iso[1]!, iso[2]!, iso[3]!]
  else return undefined
  const s = `${y}-${mo}-${d}`
  const date = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s ? s : undefined
}

function cleanTitle(t: string | undefined): string | undefined {
  const s = t
    ?.replace(/\s*\|\s*Microsoft (?:Docs|Learn)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
  return s || undefined
}

// ---------------------------------------------------------------------------------------------
// Products and environment

/** Product names recognized in frontmatter slugs, folder names and titles. */
const PRODUCT_SLUGS: Array<[RegExp, string]> = [
  [/^iis\b|^iis-|internet-information-services/, 'Internet Information Services (IIS)'],
  [/^(?:sql|sql-server|relational-databases|database-engine)$/, 'SQL Server'],
  [/^(?:aspnet|asp-net)$/, 'ASP.NET'],
  [/^azure-sql-database$/, 'Azure SQL Database'],
]
const PRODUCT_MENTIONS: Array<[RegExp, string]> = [
  [/\bInternet Information Services\b|\bIIS\b/, 'Internet Information Services (IIS)'],
  [/\bSQL Server\b|\bMSSQLSERVER\b/, 'SQL Server'],
  [/\bWeb Deploy\b/, 'Web Deploy'],
  [/\bASP\.NET\b/, 'ASP.NET'],
]

function productFromSlug(slug: string | undefined): string | undefined {
  if (!slug) return undefined
  const s = slug.toLowerCase().trim()
  return PRODUCT_SLUGS.find(([re]) => re.test(s))?.[1]
}

/** "Internet Information Services 8.0, 7.5, 7.0" stays one entry; "Windows 10 Pro, Windows Server 2016" is two. */
function splitEnvironment(value: string): string[] {
  const parts: string[] = []
  for (const raw of value.replace(/&nbsp;/g, ' ').split(/\s*,\s*/)) {
    const p = raw.replace(/\s+/g, ' ').replace(/[.;]\s*$/, '').trim()
    if (!p) continue
    if (parts.length > 0 && /^(?:\d|and\b|or\b|later\b)/i.test(p)) parts[parts.length - 1] += `, ${p}`
    else parts.push(p)
  }
  return parts
}

/** A product name without its version list: "Internet Information Services 7.0 and later versions" -> "Internet Information Services". */
function productName(entry: string): string {
  return entry
    .replace(/\s+(?:and|or)\s+later(?:\s+versions?)?$/i, '')
    .replace(/\s+(?:Service Pack|SP)\s*\d+$/i, '')
    .replace(/(?:[\s,]+(?:v(?:ersion)?\s*)?\d[\w.]*(?:\s+(?:SP\d+|R2))?)+$/i, '')
    .replace(/\s+(?:and|or)\s*$/i, '')
    .trim()
}

function uniq(items: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const i of items) {
    const t = i.trim()
    const k = t.toLowerCase().replace(/[\s.:;]+$/, '')
    if (!t || seen.has(k)) continue
    seen.add(k)
    out.push(t)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Error codes

const unescapeMd = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1')

/** Codes worth matching exactly, from titles, headings and symptoms of support articles. */
function findCodes(texts: string[]): string[] {
  const codes: string[] = []
  for (const raw of texts) {
    const t = unescapeMd(raw)
    for (const m of t.matchAll(/\b0x[0-9a-f]{8}\b/gi)) codes.push(m[0].toLowerCase())
    for (const m of t.matchAll(/(?<![\d.\w])([1-5]\d\d\.\d{1,2})(?![\d.])/g)) codes.push(m[1]!)
    for (const m of t.matchAll(/\bHTTP(?:\/1\.[01])?(?:\s+Error)?\s*:?\s*([1-5]\d\d)(?![\d.])/gi)) {
      if (!codes.some((c) => c.startsWith(`${m[1]}.`))) codes.push(`HTTP ${m[1]}`)
    }
    for (const m of t.matchAll(/\b(?:ERROR|WSAE|STATUS|RPC_S|SEC_E|CRYPT_E|CERT_E|NTE)_[A-Z0-9_]{3,}\b/g)) codes.push(m[0])
    for (const m of t.matchAll(/\bevent\s*(?:ID)?\s*:?\s*(\d{2,5})\b/gi)) codes.push(`Event ID ${m[1]}`)
  }
  return uniq(codes)
}

// ---------------------------------------------------------------------------------------------
// Error-reference details table

interface ErrorDetails {
  rows: Map<string, string>
  eventId?: string
  message?: string
  symbolicName?: string
  product?: string
  productVersion?: string
  eventSource?: string
}

/** Split one table row on unescaped pipes. */
function tableCells(line: string): string[] | undefined {
  const t = line.trim()
  if (!t.startsWith('|')) return undefined
  const cells: string[] = []
  let cur = ''
  for (let i = 1; i < t.length; i++) {
    const c = t[i]!
    if (c === '\\' && t[i + 1] === '|') {
      cur += '|'
      i++
    } else if (c === '|') {
      cells.push(cur.trim())
      cur = ''
    } else cur += c
  }
  if (cur.trim()) cells.push(cur.trim())
  return cells
}

/** The Details table of an error-reference page, if the document has one. */
function errorDetails(text: string): ErrorDetails | undefined {
  const rows = new Map<string, string>()
  let fence = false
  for (const line of text.split('\n')) {
    if (/^\s*(?:```|~~~)/.test(line)) fence = !fence
    if (fence) continue
    const cells = tableCells(line)
    if (!cells || cells.length < 2) continue
    const key = unescapeMd(cells[0]!.replace(/\*\*/g, '')).trim().toLowerCase()
    if (/^(?:message text|event id|symbolic name|product name|product version|event source|component|severity|message id|error number)$/.test(key) && !rows.has(key)) {
      rows.set(key, cells[1]!)
    }
  }
  if (!rows.has('message text') || !(rows.has('event id') || rows.has('error number'))) return undefined
  const v = (k: string): string | undefined => {
    const s = rows.get(k)
    if (s === undefined) return undefined
    // The cell is inline Markdown: '%.*ls' stays as is; an italic '*construct*' is a placeholder.
    const u = plainText(parseMarkdown(s.replace(/<br\s*\/?>/gi, ' ')), k === 'message text').trim()
    return u || undefined
  }
  const details: ErrorDetails = { rows }
  const eventId = v('event id') ?? v('error number')
  const message = v('message text')
  const symbolicName = v('symbolic name')
  const product = v('product name')
  const productVersion = v('product version')
  const eventSource = v('event source')
  if (eventId) details.eventId = eventId
  if (message) details.message = message
  if (symbolicName) details.symbolicName = symbolicName
  // "Product Name | MSSQLSERVER" (the event source) names no product.
  if (product && product !== eventSource) details.product = product
  if (productVersion) details.productVersion = productVersion
  if (eventSource) details.eventSource = eventSource
  return details
}

// ---------------------------------------------------------------------------------------------
// Sections to fields

interface Part {
  label?: string
  /** The part's own heading when that only names the field ("Possible causes"): a label after the first part. */
  heading?: string
  markdown: string
}

const CAUSAL =
  /\b(?:(?:this|the|these|that)\s+(?:problem|issue|error|behaviou?r|symptom|failure|crash|message)s?\s+(?:(?:can|may|might|could|will)\s+)?(?:occurs?|happens?|is caused|are caused|is expected|is by design|results? from)|(?:occurs?|happens?) because|(?:is|are) caused by)\b/i
const STOP_SENTENCE = /^(?:to (?:resolve|fix|work around|avoid|correct)|use |follow |you can |for more information|if you )/i
const NOTE_QUOTE = /^\s*(?:>\s*)+\*\*(?:note|tip|important|warning|caution)\b/i

/** Paragraph labels that introduce the next block ("Error message:") and say nothing alone. */
const isLeadLabel = (s: string): boolean =>
  (/:$/.test(s) && s.split(/\s+/).length <= 4) ||
  /^(?:or|and|and\/or|for example|example\s*\d*|(?:error )?messages?\s*\d*|symptoms?\s*\d*)\s*:?$/i.test(s)

function labelText(markdown: string): string {
  return markdown
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^\d+[.)]\s+/, '')
    .replace(/:\s*$/, '')
    .trim()
}

function assemble(parts: Part[]): string {
  const filled = parts.filter((p) => p.markdown.trim() !== '')
  if (filled.length === 0) return ''
  return filled
    .map((p, i) => {
      const label = p.label ?? (i > 0 ? p.heading : undefined)
      return label ? `**${labelText(label)}**\n\n${p.markdown.trim()}` : p.markdown.trim()
    })
    .join('\n\n')
}

/** `<br>` renders as nothing (raw HTML is dropped), so it becomes a space outside code. */
function finishMarkdown(md: string): string {
  let fence = false
  const lines = md.split('\n')
  return lines
    .map((l, i) => {
      if (/^\s*(?:```|~~~)/.test(l)) fence = !fence
      if (fence) return l.replace(/[ \t]+$/, '')
      const next = lines[i + 1] ?? ''
      const line = l.replace(/\s*<br\s*\/?>\s*/gi, ' ')
      // Two trailing spaces are a hard line break only when a paragraph line follows.
      const keepBreak = / {2,}$/.test(line) && next.trim() !== '' && !/^\s*(?:\||#|```|~~~)/.test(next) && !/^\s*(?:\||#)/.test(line)
      return keepBreak ? line.replace(/[ \t]+$/, '  ') : line.replace(/[ \t]+$/, '')
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Convert one source article. Pure: the text in, the new article's text (or a skip reason) out. */
export function convertArticle(markdown: string, sourcePath: string, options: ConvertOptions = {}): ConvertResult {
  const notes: string[] = []
  const id = options.id ?? idFromPath(sourcePath)
  const rel = sourcePath.split(path.sep).join('/')
  const skip = (reason: string): ConvertResult => ({ id, skipped: reason, notes })
  if (NOT_ARTICLE.test(path.posix.basename(rel))) return skip('not an article (a README/PROVENANCE/TOC-style notes file)')
  if (!id) return skip('the file name has no letters or digits to make an id from')

  const normalized = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  // Before any parser sees it: a deeply nested source overflows the stack (src/build/render/nesting.ts).
  const deep = findTooDeep(normalized)
  if (deep) return skip(`Markdown nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items), at line ${deep.line}`)
  const crowded = findTooManyOpeners(normalized)
  if (crowded) return skip(`more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks between blank lines, at line ${crowded.line}`)
  const { data: fm, body: rawBody } = splitFrontmatter(normalized, notes)
  if (rawBody.trim() === '') return skip('empty: no Markdown after the frontmatter')

  const pre = preprocessMsDocs(rawBody)
  notes.push(...pre.notes)
  const text = pre.text
  const src = new Source(text)
  const { root, title: h1, titleMarkdown: h1Markdown } = outline(src)
  const details = errorDetails(text)

  // Title
  let title = cleanTitle(str(fm.title)) ?? cleanTitle(h1)
  if (details?.eventId) {
    const n = details.eventId
    const named = `${details.eventSource ?? 'Error'}_${n}`
    if (!title) title = named
    else if (!new RegExp(`(?<![\\d-])${n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?!\\d)`).test(title)) {
      notes.push(`title "${title}" does not name error ${n}; used "${named}"`)
      title = named
    }
  }
  if (!title) return skip('no title: no frontmatter title and no "# " heading')

  // Roles of sections: a heading's own role, else its parent's (a "Method 1" under Resolution).
  const all = descendants(root)
  const own = new Map<Section, Role | undefined>(all.map((s) => [s, s.heading ? classifyHeading(s.heading) : undefined]))
  const tables = new Map<Section, Array<{ node: RootContent; rows: NonNullable<ReturnType<typeof roleTable>> }>>()
  for (const s of all) {
    const found = s.nodes.flatMap((n) => {
      const rows = roleTable(n)
      return rows ? [{ node: n, rows }] : []
    })
    if (found.length) tables.set(s, found)
  }
  const effective = new Map<Section, Role | 'problem' | undefined>()
  for (const s of all) {
    const o = own.get(s)
    const p = s.parent && s.parent !== root ? effective.get(s.parent) : undefined
    effective.set(s, o ?? (p === 'problem' ? undefined : p))
  }
  // A section without a role whose sub-sections are its Cause/Resolution describes one problem:
  // its heading and text are that problem's symptoms ("## HRESULT code 0x8007000d" + "Cause").
  for (const s of all) {
    if (effective.get(s) !== undefined) continue
    const hasRoleChild = s.children.some((c) => own.get(c) === 'cause' || own.get(c) === 'resolution')
    if (hasRoleChild || tables.has(s)) effective.set(s, 'problem')
  }

  // A part's label: its own heading unless that only names the field ("Cause"); else the nearest
  // ancestor heading that says more ("HRESULT code 0x8007000d", "Cause 2: ..."). A Resolution
  // labelled by a Cause heading reads "For cause 2: ...".
  const sectionLabel = (s: Section, field: Role): string | undefined => {
    if (s.heading && !isBareRoleHeading(s.heading)) return s.headingMarkdown
    for (let p = s.parent; p && p !== root; p = p.parent) {
      if (!p.heading || isBareRoleHeading(p.heading) || !p.headingMarkdown) continue
      const pRole = own.get(p)
      if (pRole !== undefined && pRole !== field && pRole !== 'other') {
        const t = labelText(p.headingMarkdown)
        return `For ${t.charAt(0).toLowerCase()}${t.slice(1)}`
      }
      return p.headingMarkdown
    }
    return undefined
  }
  const nodesMarkdown = (nodes: RootContent[]): string => nodes.map((n) => src.block(n)).join('\n\n')

  const symptomItems: string[] = []
  const causeParts: Part[] = []
  const resolutionParts: Part[] = []
  const environment: string[] = [...pre.environment.flatMap(splitEnvironment)]
  const bodyExtras: string[] = []
  const headingsForCodes: string[] = []

  const addSymptomsFrom = (nodes: RootContent[]): void => {
    const visit = (node: Nodes): void => {
      switch (node.type) {
        case 'paragraph': {
          const t = tidyLines(plainText(node)).replace(/\n/g, ' ')
          // A screenshot's alt text is no symptom; it stays with the body.
          if (t.startsWith('(Image:') || (t === '' && node.children.some((c) => c.type === 'image'))) bodyExtras.push(src.block(node))
          else if (t && !isLeadLabel(t)) symptomItems.push(t)
          return
        }
        case 'blockquote': {
          if (NOTE_QUOTE.test(src.block(node))) {
            bodyExtras.push(src.block(node))
            return
          }
          // Quoted error text is kept as written, line by line (only the ends are trimmed).
          const t = plainText(node)
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .join('\n')
          if (t) symptomItems.push(t)
          return
        }
        case 'code': {
          const t = node.value.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '')
          if (t.trim()) symptomItems.push(t)
          return
        }
        case 'list':
          for (const item of node.children) visit(item)
          return
        case 'listItem': {
          const paras = node.children.filter((c) => c.type === 'paragraph' || c.type === 'heading')
          const t = tidyLines(paras.map((c) => plainText(c)).join('\n')).replace(/\n/g, ' ')
          if (t && !t.startsWith('(Image:')) symptomItems.push(t)
          for (const c of node.children) if (c.type !== 'paragraph' && c.type !== 'heading') visit(c)
          return
        }
        case 'table': {
          if (roleTable(node as RootContent)) return
          for (const row of node.children.slice(1)) {
            const t = row.children.map((c) => tidyLines(plainText(c)).replace(/\n/g, ' ')).filter(Boolean).join(' | ')
            if (t) symptomItems.push(t)
          }
          return
        }
        case 'html':
        case 'thematicBreak':
        case 'definition':
          return
        default: {
          const t = tidyLines(plainText(node))
          if (t) symptomItems.push(t)
        }
      }
    }
    for (const n of nodes) visit(n)
  }

  const headingSymptom = (s: Section): void => {
    if (!s.heading || s.pseudo || isBareRoleHeading(s.heading)) return
    const t = unescapeMd(s.heading)
      .replace(/^(?:\d+[.)]\s+)/, '')
      .replace(/^(?:symptoms?|issue|problem)s?\s*\d*\s*(?:[:\-–]\s*|$)/i, '')
      .replace(/[\s,;:]+$/, '')
      .trim()
    if (t && !/^\d+$/.test(t)) symptomItems.push(t)
    headingsForCodes.push(s.heading)
  }

  for (const s of all) {
    const role = effective.get(s)
    const roleTables = tables.get(s) ?? []
    const tableNodes = new Set(roleTables.map((t) => t.node))
    const nodes = s.nodes.filter((n) => !tableNodes.has(n))
    const part = (field: Role, markdown: string): Part => {
      const label = sectionLabel(s, field)
      if (label) return { label, markdown }
      return s.headingMarkdown && !s.pseudo ? { heading: s.headingMarkdown, markdown } : { markdown }
    }
    if (role === 'symptoms' || role === 'problem') headingSymptom(s)
    for (const t of roleTables) {
      for (const { role: r, cell } of t.rows) {
        const md = src.inner(cell).replace(/\s*<br\s*\/?>\s*/gi, '\n').trim()
        if (r === 'symptoms') addSymptomsFrom(parseMarkdown(md).children)
        else (r === 'cause' ? causeParts : resolutionParts).push(part(r, md))
      }
    }
    switch (role) {
      case 'symptoms':
      case 'problem':
        addSymptomsFrom(nodes)
        break
      case 'cause':
        causeParts.push(part('cause', nodesMarkdown(nodes)))
        break
      case 'resolution':
        resolutionParts.push(part('resolution', nodesMarkdown(nodes)))
        break
      case 'environment':
        for (const n of nodes) {
          const t = tidyLines(plainText(n))
          for (const l of t.split('\n')) environment.push(...splitEnvironment(l.replace(/^[-*]\s+/, '')))
        }
        break
      default:
        break
    }
  }

  // Error-reference pages: the message text is the symptom users paste.
  let errorCodes: string[] = []
  if (details) {
    const extra = [...symptomItems]
    symptomItems.length = 0
    if (details.message) symptomItems.push(details.message)
    if (details.eventId) symptomItems.push(`Error ${details.eventId}`)
    if (details.symbolicName) symptomItems.push(details.symbolicName)
    symptomItems.push(...extra)
    errorCodes = uniq([details.eventId ?? '', details.symbolicName ?? ''])
    if (details.product) environment.unshift(details.productVersion ? `${details.product} ${details.productVersion}` : details.product)
  }

  // Cause: when no section names it, a sentence that says why ("This problem occurs because ..."),
  // from the introduction or a top-level section (deeper sections discuss narrower cases).
  let cause = assemble(causeParts)
  if (!cause) {
    const candidates: Array<{ node: RootContent; where: string }> = [
      ...root.nodes.map((node) => ({ node, where: 'the introduction' })),
      ...all
        .filter((s) => s.depth <= 2.5 && effective.get(s) !== 'other')
        .flatMap((s) => s.nodes.map((node) => ({ node, where: `section "${s.heading ?? ''}"` }))),
    ]
    for (const { node, where } of candidates) {
      if (node.type !== 'paragraph') continue
      const para = src.block(node).replace(/\s*\n\s*/g, ' ').trim()
      const sentences = para.split(/(?<=[.!?])\s+(?=[A-Z`*"(])/)
      const first = sentences.findIndex((x) => CAUSAL.test(x))
      if (first < 0) continue
      const taken: string[] = []
      for (const x of sentences.slice(first)) {
        if (taken.length > 0 && STOP_SENTENCE.test(x)) break
        taken.push(x)
      }
      cause = taken.join(' ')
      notes.push(`no Cause section; cause taken from a sentence in ${where}`)
      break
    }
  }
  const resolution = assemble(resolutionParts)
  // Error-reference pages without an Explanation: the message text states the condition itself
  // ("... PARTITION=ALL must be specified"), so it is the cause, quoted verbatim.
  if (!cause && resolution && details?.message) {
    cause = `The message text states the condition:\n\n\`\`\`text\n${details.message}\n\`\`\``
    notes.push('no Explanation section; the cause is the message text')
  }
  if (!cause && !resolution) {
    return skip(
      details
        ? 'no cause and no resolution: the Explanation and User Action sections are empty or missing'
        : 'no cause and no resolution: no Cause/Resolution/Workaround sections (a guide or reference page, not a problem article)',
    )
  }
  if (!cause) return skip('no cause: no Cause/Explanation section and no sentence saying why the problem occurs')
  if (!resolution) return skip('no resolution: no Resolution/Workaround/Solution/User Action section')

  // Symptoms: fall back to a Summary section, then to a title that states the problem.
  let symptoms = uniq(symptomItems)
  if (symptoms.length === 0) {
    const summary = all.find((s) => s.heading && /^summary$/.test(headingKey(s.heading)))
    const first = summary?.nodes.find((n) => n.type === 'paragraph')
    if (summary && first) {
      symptoms = [tidyLines(plainText(first)).replace(/\n/g, ' ')]
      notes.push('no Symptoms section; the first paragraph of "Summary" is the symptom')
    } else if (!/^(?:troubleshoot|troubleshooting|how to|overview|guide|about|introduction|understand)/i.test(title)) {
      symptoms = [title]
      notes.push('no Symptoms section; the title is the symptom')
    } else {
      return skip('no symptoms: no Symptoms section, no per-error sections, and the title does not state a problem')
    }
  }

  // Environment: the article's own lines, else the product in frontmatter, the folder, the title.
  let env = uniq(environment)
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
      return skip('no environment: no "Applies to"/product version line, no product in frontmatter, folder or title')
    }
  }
  const products = uniq(env.map(productName).filter((p) => p.length > 1))

  if (!details) errorCodes = findCodes([title, h1 ?? '', ...headingsForCodes, ...symptoms])
  const parent = rel.split('/').slice(-2, -1)[0]
  const tag = parent ? idFromPath(parent) : ''

  // Body: the introduction and every section that is not a field, in document order.
  const bodyOf = new Map<Section, boolean>()
  const inBody = (s: Section): boolean => {
    const cached = bodyOf.get(s)
    if (cached !== undefined) return cached
    const role = effective.get(s)
    const self = (role === undefined || role === 'other') && s.nodes.length > 0
    const result = self || s.children.some(inBody)
    bodyOf.set(s, result)
    return result
  }
  const body: string[] = []
  if (h1Markdown && h1 && h1.toLowerCase().replace(/[^a-z0-9]+/g, '') !== title.toLowerCase().replace(/[^a-z0-9]+/g, '')) {
    body.push(`**${labelText(h1Markdown)}**`)
  }
  if (root.nodes.length) body.push(nodesMarkdown(root.nodes))
  body.push(...bodyExtras)
  for (const s of all) {
    const role = effective.get(s)
    if (!inBody(s)) continue
    const fieldRole = role !== undefined && role !== 'other'
    if (s.headingLine) body.push(s.headingLine)
    if (!fieldRole && s.nodes.length) body.push(nodesMarkdown(s.nodes))
  }
  body.push(`Source: \`${rel}\``)

  const fields: Record<string, unknown> = { id, title }
  if (products.length) fields.products = products
  if (tag) fields.tags = [tag]
  if (errorCodes.length) fields.error_codes = errorCodes
  fields.symptoms = symptoms
  fields.environment = env
  fields.cause = finishMarkdown(cause)
  fields.resolution = finishMarkdown(resolution)
  const refs = (options.references ?? []).filter((r) => /^https?:\/\//i.test(r.url))
  if (refs.length) fields.references = refs.map((r) => (r.title ? { title: r.title, url: r.url } : r.url))
  const updated = isoDate(str(fm['ms.date']) ?? str(fm.date) ?? str(fm.updated))
  if (updated) fields.updated = updated

  const article = `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${finishMarkdown(body.join('\n\n'))}\n`
  const check = parseArticle(article, `${id}.md`)
  const errors = check.problems.filter((p) => p.severity === 'error')
  if (errors.length || !check.article) {
    throw new Error(`generated article does not validate: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`)
  }
  return { article, id, notes }
}

// ---------------------------------------------------------------------------------------------
// Folders

async function listMarkdown(dir: string, exclude?: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((abs) => !exclude || !abs.startsWith(exclude + path.sep))
    .map((abs) => path.relative(dir, abs).split(path.sep).join('/'))
    .sort()
}

/** Thrown before anything is written when an article to import exists already in `--to`. */
export class ImportConflictError extends Error {
  constructor(readonly existing: string[]) {
    const more = existing.length > 1 ? ` (and ${existing.length - 1} more)` : ''
    super(`${existing[0]} already exists${more}; nothing was written, use --force to overwrite`)
    this.name = 'ImportConflictError'
  }
}

/** `id` with `-n` appended, shortened first if the id would be longer than an id may be. */
function numberedId(id: string, n: number): string {
  const suffix = `-${n}`
  return `${id.slice(0, LIMITS.articleIdChars - suffix.length).replace(/-+$/, '')}${suffix}`
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
  const files = await listMarkdown(from, to.startsWith(from + path.sep) ? to : undefined)
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

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}

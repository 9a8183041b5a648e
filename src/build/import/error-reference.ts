/**
 * Error-reference pages: the Details table (| Message Text | ... |, | Event ID | ... |) that makes a
 * page one, read into the message, the error number and the product it names.
 */
import { parseMarkdown, plainText } from './markdown.js'
import type { SectionFields } from './sections.js'
import { unescapeMd, uniq } from './text.js'

/** The rows of a Details table, and the values the importer uses. */
export interface ErrorDetails {
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
export function errorDetails(text: string): ErrorDetails | undefined {
  const rows = new Map<string, string>()
  let fence = false
  for (const line of text.split('\n')) {
    if (/^\s*(?:```|~~~)/.test(line)) fence = !fence
    if (fence) continue
    const cells = tableCells(line)
    if (!cells || cells.length < 2) continue
    const key = unescapeMd(cells[0]!.replace(/\*\*/g, '')).trim().toLowerCase()
    if (
      /^(?:message text|event id|symbolic name|product name|product version|event source|component|severity|message id|error number)$/.test(key) &&
      !rows.has(key)
    ) {
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

/** The title of an error-reference page: one that names its error number, else "<event source>_<number>" (noted). */
export function referenceTitle(title: string | undefined, details: ErrorDetails, notes: string[]): string | undefined {
  if (details.eventId) {
    const n = details.eventId
    const named = `${details.eventSource ?? 'Error'}_${n}`
    if (!title) title = named
    else if (!new RegExp(`(?<![\\d-])${n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?!\\d)`).test(title)) {
      notes.push(`title "${title}" does not name error ${n}; used "${named}"`)
      title = named
    }
  }
  return title
}

/**
 * The message text is the symptom users paste: the message, "Error <number>" and the symbolic
 * name go first among the symptoms, the product and version first in the environment. Returns
 * the page's error codes (its number and symbolic name).
 */
export function applyDetails(details: ErrorDetails, fields: SectionFields): string[] {
  const extra = [...fields.symptoms]
  fields.symptoms.length = 0
  if (details.message) fields.symptoms.push(details.message)
  if (details.eventId) fields.symptoms.push(`Error ${details.eventId}`)
  if (details.symbolicName) fields.symptoms.push(details.symbolicName)
  fields.symptoms.push(...extra)
  if (details.product) fields.environment.unshift(details.productVersion ? `${details.product} ${details.productVersion}` : details.product)
  return uniq([details.eventId ?? '', details.symbolicName ?? ''])
}

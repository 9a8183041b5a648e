/**
 * Symptoms of an imported article: what users see, read from the Symptoms sections (paragraphs,
 * quoted error text and code kept as written, list items, table rows), from the headings of
 * per-error sections, else from a Summary section or a title that states the problem.
 */
import type { Nodes, RootContent } from 'mdast'
import { headingKey, isBareRoleHeading, plainText, roleTable, type Section, type Source, tidyLines, type Vocabulary } from './markdown.js'
import { unescapeMd, uniq } from './text.js'

/** What the sections of an article yield besides the Cause and Resolution parts. */
export interface Found {
  /** Symptom strings, in document order (repeats removed later). */
  symptoms: string[]
  /** Blocks of symptom sections that are no symptom (screenshots, notes): they stay in the body. */
  bodyExtras: string[]
  /** Headings of per-error sections: where codes are looked for. */
  headingsForCodes: string[]
}

const NOTE_QUOTE = /^\s*(?:>\s*)+\*\*(?:note|tip|important|warning|caution)\b/i

/** Paragraph labels that introduce the next block ("Error message:") and say nothing alone. */
const isLeadLabel = (s: string): boolean =>
  (/:$/.test(s) && s.split(/\s+/).length <= 4) || /^(?:or|and|and\/or|for example|example\s*\d*|(?:error )?messages?\s*\d*|symptoms?\s*\d*)\s*:?$/i.test(s)

/** Add the symptoms of a symptom section's blocks to `out`. */
export function addSymptomsFrom(nodes: RootContent[], src: Source, out: Found): void {
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph': {
        const t = tidyLines(plainText(node)).replace(/\n/g, ' ')
        // A screenshot's alt text is no symptom; it stays with the body.
        if (t.startsWith('(Image:') || (t === '' && node.children.some((c) => c.type === 'image'))) out.bodyExtras.push(src.block(node))
        else if (t && !isLeadLabel(t)) out.symptoms.push(t)
        return
      }
      case 'blockquote': {
        if (NOTE_QUOTE.test(src.block(node))) {
          out.bodyExtras.push(src.block(node))
          return
        }
        // Quoted error text is kept as written, line by line (only the ends are trimmed).
        const t = plainText(node)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .join('\n')
        if (t) out.symptoms.push(t)
        return
      }
      case 'code': {
        const t = node.value.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '')
        if (t.trim()) out.symptoms.push(t)
        return
      }
      case 'list':
        for (const item of node.children) visit(item)
        return
      case 'listItem': {
        const paras = node.children.filter((c) => c.type === 'paragraph' || c.type === 'heading')
        const t = tidyLines(paras.map((c) => plainText(c)).join('\n')).replace(/\n/g, ' ')
        if (t && !t.startsWith('(Image:')) out.symptoms.push(t)
        for (const c of node.children) if (c.type !== 'paragraph' && c.type !== 'heading') visit(c)
        return
      }
      case 'table': {
        if (roleTable(node as RootContent)) return
        for (const row of node.children.slice(1)) {
          const t = row.children
            .map((c) => tidyLines(plainText(c)).replace(/\n/g, ' '))
            .filter(Boolean)
            .join(' | ')
          if (t) out.symptoms.push(t)
        }
        return
      }
      case 'html':
      case 'thematicBreak':
      case 'definition':
        return
      default: {
        const t = tidyLines(plainText(node))
        if (t) out.symptoms.push(t)
      }
    }
  }
  for (const n of nodes) visit(n)
}

/** Add a per-error section's heading as a symptom (without "Symptom 2:" or numbering), and keep it for codes. */
export function headingSymptom(s: Section, out: Found, vocab?: Vocabulary): void {
  if (!s.heading || s.pseudo || isBareRoleHeading(s.heading, vocab)) return
  const t = unescapeMd(s.heading)
    .replace(/^(?:\d+[.)]\s+)/, '')
    .replace(/^(?:symptoms?|issue|problem)s?\s*\d*\s*(?:[:\-–]\s*|$)/i, '')
    .replace(/[\s,;:]+$/, '')
    .trim()
  if (t && !/^\d+$/.test(t)) out.symptoms.push(t)
  out.headingsForCodes.push(s.heading)
}

/**
 * The article's symptoms: those found, else the first paragraph of a Summary section, else a
 * title that states a problem (not "Troubleshoot ...", "How to ..."); undefined when there is none.
 */
export function symptomsOrFallback(found: string[], all: Section[], title: string, notes: string[]): string[] | undefined {
  let symptoms = uniq(found)
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
      return undefined
    }
  }
  return symptoms
}

/**
 * Markdown helpers for the importer: parsing with positions (the project's one parser,
 * src/build/render/markdown.ts), slicing source text
 * by node, turning relative links into plain text, plain text for symptom strings, and the
 * heading outline of a document (real headings plus "pseudo-headings": a paragraph that is only
 * "Cause" or "**Resolution**", as older support articles write them).
 */
import type { Nodes, Root, RootContent, Table } from 'mdast'
import { parseMarkdown } from '../render/markdown.js'
import { sectionKey } from './settings.js'

export { parseMarkdown }

const start = (n: Nodes): number => n.position?.start.offset ?? 0
const end = (n: Nodes): number => n.position?.end.offset ?? 0

const isWebUrl = (url: string): boolean => /^(?:https?:|mailto:)/i.test(url.trim())

interface Edit {
  from: number
  to: number
  value: string
}

/**
 * The parsed document's source, sliced by node with relative links turned into their text
 * (`[text](../x.md)`, `(~/x.md)`, `(/iis/x)`, `(#anchor)` point into the source repository) and
 * images into "(Image: alt)". Web links stay. One parse serves every slice.
 */
export class Source {
  readonly text: string
  readonly tree: Root
  private readonly lineStarts: number[] = [0]
  private readonly edits: Edit[] = []

  constructor(text: string) {
    this.text = text
    this.tree = parseMarkdown(text)
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1)
    const walk = (node: Nodes): void => {
      if (node.type === 'image') {
        const alt = (node.alt ?? '').trim()
        this.edits.push({ from: start(node), to: end(node), value: alt ? `(Image: ${alt.replace(/([*_`[\]\\])/g, '\\$1')})` : '' })
        return
      }
      if (node.type === 'link' && !isWebUrl(node.url)) {
        const kids = node.children as Nodes[]
        if (kids.length === 0) {
          this.edits.push({ from: start(node), to: end(node), value: '' })
          return
        }
        // Unwrap: drop "[" before the text and "](url)" after it; edits inside the text still apply.
        this.edits.push({ from: start(node), to: start(kids[0]!), value: '' })
        this.edits.push({ from: end(kids[kids.length - 1]!), to: end(node), value: '' })
      }
      if ('children' in node) for (const c of node.children as Nodes[]) walk(c)
    }
    walk(this.tree)
    this.edits.sort((a, b) => a.from - b.from)
  }

  /** Source text from `from` to `to` with the link edits inside that range applied. */
  slice(from: number, to: number): string {
    let out = ''
    let at = from
    for (const e of this.edits) {
      if (e.to <= from || e.from < at) continue
      if (e.from >= to) break
      if (e.to > to) continue
      out += this.text.slice(at, e.from) + e.value
      at = e.to
    }
    return out + this.text.slice(at, to)
  }

  /** Source of an inline range: from the first child's start to the last child's end. */
  inner(node: Nodes): string {
    if (!('children' in node) || node.children.length === 0) return ''
    const kids = node.children as Nodes[]
    return this.slice(start(kids[0]!), end(kids[kids.length - 1]!))
  }

  /**
   * Source of a block node as whole lines, de-indented by the first line's indentation, so a block
   * that sat in a list item (or had 1-3 leading spaces) keeps its inner structure when moved.
   */
  block(node: Nodes): string {
    const first = (node.position?.start.line ?? 1) - 1
    const last = (node.position?.end.line ?? 1) - 1
    const to = last + 1 < this.lineStarts.length ? this.lineStarts[last + 1]! - 1 : this.text.length
    const lines = this.slice(this.lineStarts[first] ?? 0, to).split('\n')
    const indent = /^[ \t]*/.exec(lines[0] ?? '')?.[0].length ?? 0
    if (indent === 0) return lines.join('\n')
    return lines.map((l) => (/^[ \t]*/.exec(l)![0].length >= indent ? l.slice(indent) : l.trimStart())).join('\n')
  }
}

/**
 * Plain text of a node, for symptom strings: emphasis and links dropped, code verbatim. With
 * `placeholders`, emphasis becomes `<text>`: error-reference message texts italicize the parts
 * that vary ('*construct*'), and this KB writes those as `<construct>`.
 */
export function plainText(node: Nodes, placeholders = false): string {
  const pt = (n: Nodes): string => plainText(n, placeholders)
  if (placeholders && node.type === 'emphasis') return `<${node.children.map((c) => pt(c as Nodes)).join('')}>`
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      if (/^<br\b/i.test(node.value)) return '\n'
      if (/^<\/?(?:b|i|em|strong|kbd|sup|sub|span|code|u|font|p|div)\b[^>]*>$/i.test(node.value)) return ''
      return node.value
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'footnoteDefinition':
    case 'thematicBreak':
      return ''
    case 'table':
      return node.children.map((row) => row.children.map((c) => pt(c).trim()).join(' | ')).join('\n')
    case 'root':
    case 'blockquote':
    case 'list':
    case 'listItem':
      return (node.children as Nodes[])
        .map(pt)
        .filter((s) => s.trim() !== '')
        .join('\n')
    default:
      return 'children' in node ? (node.children as Nodes[]).map(pt).join('') : ''
  }
}

/** Collapse runs of spaces within lines, trim lines, drop empty lines. */
export function tidyLines(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
}

export type Role = 'symptoms' | 'cause' | 'resolution' | 'environment' | 'other'

/** Normalized heading text for classification: no numbering, no trailing colon, lowercase. */
export function headingKey(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+[.)]|[ivx]+\.)\s+/i, '')
    .replace(/[:.]\s*$/, '')
    .toLowerCase()
}

const ROLE_PATTERNS: Array<[Role, RegExp]> = [
  [
    'other',
    /^(?:more information|additional (?:information|considerations|resources|error information|corrective actions)|references?|see also|related (?:content|articles|topics|information|links)|other resources|status|steps to reproduce|(?:how to )?reproduce|tools?|logs?|code sample|samples?|best practices?|summary|overview|data collection|examples?|next steps|feedback|third[- ]party|disclaimer|contact us)\b/,
  ],
  ['environment', /^(?:environment|applies to|affected (?:products|versions)|product versions?|products|prerequisites)\b/],
  ['symptoms', /^(?:symptoms?|common symptoms?|the symptoms?|(?:issue|problem)s?(?:\s+\d+)?(?:\s*[:\-–]|$)|error messages?$|errors?$|description$)/],
  ['cause', /^(?:causes?|root causes?|possible causes?|probable causes?|explanation|diagnosis|reasons?|why (?:this|it) happens)\b/],
  [
    'resolution',
    /^(?:resolutions?|solutions?|workarounds?|work around|user actions?|fix(?:es)?|fix\/workaround|how to (?:fix|resolve)|to (?:fix|resolve)|steps to (?:fix|resolve)|method \d+|option \d+|troubleshooting (?:steps|methods)|things to check|what to try|corrective actions?)\b/,
  ],
]

/** Section names a map file adds (or sets instead of the defaults), normalized with sectionKey. */
export interface Vocabulary {
  sections: Record<'symptoms' | 'cause' | 'resolution' | 'environment', string[]>
  replaceSections: boolean
}

/** A heading names `term` when it is the term, or begins with it and goes on with a number, "for ...", or after a colon ("Cause 2", "Fix for X", "Fix: X"). */
function namesTerm(text: string, term: string): boolean {
  const key = sectionKey(text)
  if (key === term) return true
  if (!key.startsWith(`${term} `)) return false
  const rest = key.slice(term.length + 1)
  return /^(?:\d|[ivx]+\b|for\b|of\b)/.test(rest) || new RegExp(`^\\W*${term.split(' ').join('\\W+')}\\s*[:\\-–]`, 'iu').test(text.trim())
}

/** The role a heading names, if any: the map file's names first, then (unless it replaces them) the defaults. */
export function classifyHeading(text: string, vocab?: Vocabulary): Role | undefined {
  if (vocab) {
    for (const role of ['environment', 'symptoms', 'cause', 'resolution'] as const) {
      if (vocab.sections[role].some((t) => namesTerm(text, t))) return role
    }
    if (vocab.replaceSections) return ROLE_PATTERNS[0]![1].test(headingKey(text)) ? 'other' : undefined
  }
  const key = headingKey(text)
  for (const [role, re] of ROLE_PATTERNS) if (re.test(key)) return role
  return undefined
}

/** Headings that only name the field ("Cause", "Resolution", or a name the map file gives a field): they add nothing as a label. */
export function isBareRoleHeading(text: string, vocab?: Vocabulary): boolean {
  if (vocab && Object.values(vocab.sections).some((terms) => terms.includes(sectionKey(text)))) return true
  return /^(?:symptoms?|causes?|root causes?|possible causes?|reasons?|resolutions?|solutions?|workarounds?|explanation|user actions?|diagnosis|fix|fix\/workaround|steps to resolve|environment|applies to|problems?|issues?|description|errors?|products|prerequisites)$/.test(
    headingKey(text),
  )
}

/** A paragraph that is only a role word ("Cause", "**Resolution**", "Workaround:"). */
const PSEUDO = /^(?:symptoms?|causes?|root cause|resolutions?|solutions?|workarounds?|diagnosis|fix|fix\/workaround|more information)$/

/** The text of a pseudo-heading (a paragraph that is only a role word, maybe bold), else undefined. */
export function pseudoHeadingText(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined
  const flat = (n: Nodes): boolean => n.type === 'text' || ((n.type === 'strong' || n.type === 'emphasis') && n.children.every((c) => flat(c as Nodes)))
  if (!node.children.every((c) => flat(c as Nodes))) return undefined
  const text = plainText(node).replace(/\s+/g, ' ').trim()
  return PSEUDO.test(headingKey(text)) ? text.replace(/:\s*$/, '') : undefined
}

/** One section of the outline: a heading (or pseudo-heading) and the blocks up to the next one. */
export interface Section {
  heading?: string
  /** Heading source (inline Markdown), for labels. */
  headingMarkdown?: string
  /** The heading line as written, for the body. */
  headingLine?: string
  depth: number
  pseudo: boolean
  nodes: RootContent[]
  parent?: Section
  children: Section[]
}

/** The outline of a document: root (content before the first heading) and nested sections. */
export function outline(src: Source): { root: Section; title?: string; titleMarkdown?: string } {
  const tree = src.tree
  const root: Section = { depth: 0, pseudo: false, nodes: [], children: [] }
  let title: string | undefined
  let titleMarkdown: string | undefined
  const stack: Section[] = [root]
  const top = (): Section => stack[stack.length - 1]!
  const push = (s: Section): void => {
    s.parent = top()
    top().children.push(s)
    stack.push(s)
  }
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const heading = plainText(node).replace(/\s+/g, ' ').trim()
      if (node.depth === 1 && title === undefined && stack.length === 1 && root.children.length === 0) {
        title = heading
        titleMarkdown = src.inner(node).trim()
        continue
      }
      // A real heading closes pseudo-heading sections, then every section at its level or deeper.
      while (stack.length > 1 && (top().pseudo || top().depth >= node.depth)) stack.pop()
      push({
        heading,
        headingMarkdown: src.inner(node).trim(),
        headingLine: src.block(node),
        depth: node.depth,
        pseudo: false,
        nodes: [],
        children: [],
      })
      continue
    }
    const pseudo = pseudoHeadingText(node)
    if (pseudo !== undefined) {
      while (stack.length > 1 && top().pseudo) stack.pop()
      const depth = top().depth + 0.5
      push({ heading: pseudo, headingMarkdown: pseudo, headingLine: src.block(node), depth, pseudo: true, nodes: [], children: [] })
      continue
    }
    top().nodes.push(node)
  }
  return title === undefined ? { root } : { root, title, titleMarkdown }
}

/** Every section below `s`, in document order. */
export function descendants(s: Section): Section[] {
  return s.children.flatMap((c) => [c, ...descendants(c)])
}

/** A table whose first column names roles: | **Symptoms** | ... |, | **Root cause** | ... |, | **Fix** | ... |. */
export function roleTable(node: RootContent): Array<{ role: Role; cell: Nodes }> | undefined {
  if (node.type !== 'table') return undefined
  const rows = (node as Table).children
  const found: Array<{ role: Role; cell: Nodes }> = []
  for (const row of rows) {
    const [first, second] = row.children
    if (!first || !second) continue
    const key = headingKey(plainText(first))
    const role: Role | undefined = /^(?:symptoms?|issue|problem)$/.test(key)
      ? 'symptoms'
      : /^(?:root cause|causes?|reason)$/.test(key)
        ? 'cause'
        : /^(?:fix|workaround|fix\/workaround|resolution|solution)$/.test(key)
          ? 'resolution'
          : undefined
    if (role) found.push({ role, cell: second })
  }
  return found.length >= 2 && found.some((f) => f.role !== 'symptoms') ? found : undefined
}

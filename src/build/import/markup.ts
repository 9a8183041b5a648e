/**
 * Documentation-dialect markup to plain CommonMark, before the heading outline is read: includes
 * inlined; admonitions as block quotes with a bold label (Docusaurus `:::note`, VitePress
 * `::: tip`, MkDocs `!!! note`, GitLab `NOTE:` paragraphs and `{{< alert >}}`); tabs as a bold
 * line per tab (Hugo `{{< tabs >}}`, GitLab's older `::Tabs`); tier and offering boxes, heading
 * tier badges and HTML comments dropped; any other Hugo shortcode's tags removed with its content
 * kept. Lines inside fenced code blocks and text inside code spans are never touched.
 *
 * Runs before preprocessMsDocs (msdocs.ts), which keeps the Microsoft forms it already handles:
 * `> [!NOTE]` alerts, and includes this step could not resolve (it maps product-term and
 * applies-to includes, and drops the rest with a note). Every regex here is linear in its line.
 */
import path from 'node:path'

/** How to read the files an include names. */
export interface MarkupOptions {
  /**
   * The text of an included file, or undefined when it cannot be read. The path is relative to the
   * converted file's folder (an include inside an included file is resolved against that file).
   */
  readInclude?: (relPath: string) => string | undefined
}

/** Plain CommonMark, and what was dropped or changed for a reviewer. */
export interface ConvertedMarkup {
  text: string
  notes: string[]
}

/** Includes inside included files are followed this many levels deep, at most. */
const MAX_INCLUDE_DEPTH = 3
/** A tier/offering box is at most this many lines long; a longer one is content. */
const MAX_BOX_LINES = 12

const FENCE = /^\s*(?:(?:[-*+]|\d{1,9}[.)]|>)\s*)*(`{3,}|~{3,})/
const INCLUDE = /\[!INCLUDE\s*\[([^[\]]*)\]\(([^()]*)\)\]/gi
const STANDALONE_INCLUDE = /^(\s*(?:>\s*)*)\[!INCLUDE\s*\[([^[\]]*)\]\(([^()]*)\)\]\s*$/i
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/
/** `:::note`, `:::warning Title`, `::::tip[Title]` (Docusaurus admonitions), `::: details Title` (VitePress containers). */
const DOCUSAURUS_OPEN = /^(\s*)(:{3,})[ \t]*(note|tip|info|warning|danger|caution|important|details)(?:\[([^\]]*)\]|[ \t]+(.*))?$/i
const DOCUSAURUS_CLOSE = /^\s*(:{3,})\s*$/
/** `!!! note "Title"`, `??? warning`, `???+ tip` (MkDocs admonitions: the content is indented by four spaces). */
const MKDOCS_OPEN = /^(\s*)(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$/
/** A Hugo shortcode alone on its line: `{{< tab title="X" >}}`, `{{% /details %}}`. */
const SHORTCODE_LINE = /^(\s*)\{\{[<%]\s*(\/?)\s*([A-Za-z][\w-]*)([^{}]*?)[>%]\}\}\s*$/
/** A Hugo shortcode inside a line (an icon), with the parentheses or space around it. */
const SHORTCODE_PARENS = / ?\(\s*\{\{[<%]\s*[A-Za-z][\w-]*[^{}]*?[>%]\}\}\s*\)/g
const SHORTCODE_SPACED = /(^|\s)\{\{[<%]\s*\/?\s*[A-Za-z][\w-]*[^{}]*?[>%]\}\}(?:[ \t]|$)/g
const SHORTCODE_INLINE = /\{\{[<%]\s*\/?\s*([A-Za-z][\w-]*)[^{}]*?[>%]\}\}/g
const TABS_OPEN = /^\s*::Tabs\s*$/
const TABS_END = /^\s*::EndTabs\s*$/
const TAB_TITLE = /^(\s*):::TabTitle[ \t]+(.*\S)/
/** GitLab's older admonitions: an upper-case label that starts a paragraph. */
const LABEL_PARAGRAPH = /^(\s*)(NOTE|WARNING|TIP|IMPORTANT|CAUTION|DISCLAIMER|FLAG|INFO):(?:[ \t]+(\S.*))?\s*$/
const DETAILS_LINE = /^\s*DETAILS:\s*$/
/** A line of a tier/offering box: `**Tier:** Free`, `- Offering: GitLab.com`, `Status: Beta`. */
const BOX_LINE = /^\s*(?:[-*]\s+)?(?:\*\*)?(?:tier|offering|status|add-?on|lifecycle)(?:\*\*)?\s*:/i
/** A bold, parenthesized upper-case badge at the end of a heading: `# Title **(TIER NAME)**`. */
const HEADING_BADGE = /[ \t]\*\*\(([A-Z][A-Z ]*)\)\*\*$/
/** An HTML comment opening a line (an HTML block of its own, to its `-->`). */
const COMMENT_START = /^ {0,3}<!--/
/** Lines a label cannot share: a block of their own. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\||<|`{3}|~{3}|$)/

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`)
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined)
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()
const isBlank = (s: string): boolean => s.trim() === ''

/** An open block quote: where its `>` goes, its label until its first line, what closes it. */
interface Quote {
  indent: string
  label?: string
  closer: 'blank' | 'alert' | 'docusaurus' | 'indented'
  colons?: number
  /** For an indented quote (MkDocs): the indentation of its content, one level deeper than `indent`. */
  content?: string
  /** Blank lines held back: emitted before the next line, dropped when the quote closes. */
  blanks: number
}

/** Where converted lines go: wrapped in the open block quotes, blank lines after removed tags collapsed. */
class Output {
  readonly lines: string[] = []
  readonly quotes: Quote[] = []
  private skipBlank = false

  /** Emit one line inside every open quote. */
  push(line: string): void {
    const q = this.quotes.at(-1)
    if (isBlank(line)) {
      if (this.skipBlank) return
      if (q) {
        if (q.label === undefined) q.blanks++
        return
      }
      this.lines.push(line)
      return
    }
    this.skipBlank = false
    if (q) {
      this.flushLabels(q, line)
      for (; q.blanks > 0; q.blanks--) this.emit('')
      if (q.label !== undefined) {
        const indent = /^\s*/.exec(line)![0]
        line = `${indent}**${q.label}:** ${line.slice(indent.length)}`
        q.label = undefined
      }
    }
    this.emit(line)
  }

  /** After a removed tag line: the blank lines around it become one. */
  removed(): void {
    const last = this.quotes.length ? undefined : this.lines.at(-1)
    if (last === undefined || isBlank(last)) this.skipBlank = true
  }

  /** A line of its own (a tab's title), then a blank line so the next line starts a new paragraph. */
  block(line: string): void {
    this.push(line)
    this.push('')
    this.skipBlank = true
  }

  open(quote: Omit<Quote, 'blanks'>): void {
    const outer = this.quotes.at(-1)
    if (outer?.label !== undefined) this.labelLine(outer)
    if (outer) for (; outer.blanks > 0; outer.blanks--) this.emit('')
    this.quotes.push({ ...quote, blanks: 0 })
  }

  close(): void {
    const q = this.quotes.at(-1)
    if (q?.label !== undefined) this.labelLine(q)
    this.quotes.pop()
    this.skipBlank = false
    this.push('')
    this.skipBlank = true
  }

  /** Labels of outer quotes still waiting for a line go on lines of their own; so does this quote's before a block. */
  private flushLabels(q: Quote, line: string): void {
    for (const outer of this.quotes) if (outer !== q && outer.label !== undefined) this.labelLine(outer)
    if (q.label !== undefined && BLOCK_START.test(line.trimStart())) {
      this.labelLine(q)
      this.emit('')
    }
  }

  private labelLine(q: Quote): void {
    const i = this.quotes.indexOf(q)
    const text = `**${q.label}:**`
    q.label = undefined
    this.emitFrom(i, `${q.indent}${text}`)
  }

  private emit(line: string): void {
    this.emitFrom(this.quotes.length - 1, line)
  }

  /** Wrap a line in quotes[0..depth], innermost first. */
  private emitFrom(depth: number, line: string): void {
    for (let i = depth; i >= 0; i--) {
      const { indent } = this.quotes[i]!
      const rest = line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()
      line = rest === '' ? `${indent}>` : `${indent}> ${rest}`
    }
    this.lines.push(line)
  }
}

/** Apply `fn` to the parts of a line outside code spans. */
function outsideCode(line: string, fn: (text: string) => string): string {
  if (!line.includes('`')) return fn(line)
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ at: m.index, len: m[0].length }))
  // The next run of the same length after each run, found right to left: linear.
  const next: number[] = new Array<number>(runs.length).fill(-1)
  const lastOfLen = new Map<number, number>()
  for (let i = runs.length - 1; i >= 0; i--) {
    next[i] = lastOfLen.get(runs[i]!.len) ?? -1
    lastOfLen.set(runs[i]!.len, i)
  }
  let out = ''
  let from = 0
  for (let i = 0; i < runs.length; i++) {
    const close = next[i]!
    if (close < 0) continue
    const open = runs[i]!
    const end = runs[close]!.at + runs[close]!.len
    out += fn(line.slice(from, open.at)) + line.slice(open.at, end)
    from = end
    i = close
  }
  return out + fn(line.slice(from))
}

/** A text without its `<!-- ... -->` comments (one space kept where a comment stood between two); a comment left open is kept. */
function withoutComments(text: string): string {
  let out = ''
  let from = 0
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4)
    if (close < 0) break
    out += text.slice(from, open)
    from = close + 3
    if (out.endsWith(' ') && (from === text.length || text[from] === ' ')) out = out.slice(0, -1)
  }
  return out + text.slice(from)
}

/** State of one conversion: options, notes, and where in a chain of includes it is. */
interface Context {
  options: MarkupOptions
  notes: Set<string>
  /** Folder of the file being converted, relative to the top file's folder ('' for the top file). */
  base: string
  /** Includes being expanded, outermost first (normalized paths), to refuse a cycle. */
  chain: string[]
}

/** An include's text, converted, or undefined to leave the include as written (for msdocs.ts). */
function expandInclude(label: string, target: string, ctx: Context): string | undefined {
  const rel = ctx.base ? path.posix.normalize(path.posix.join(ctx.base, target)) : target
  const key = path.posix.normalize(rel)
  if (!ctx.options.readInclude) return undefined
  if (ctx.chain.includes(key)) {
    ctx.notes.add(`dropped an include that includes itself: [!INCLUDE [${label}](${target})] (${[...ctx.chain, key].join(' -> ')})`)
    return ''
  }
  const raw = ctx.options.readInclude(rel)
  if (raw === undefined) return undefined
  if (ctx.chain.length >= MAX_INCLUDE_DEPTH) {
    ctx.notes.add(`dropped an include nested more than ${MAX_INCLUDE_DEPTH} levels deep: [!INCLUDE [${label}](${target})]`)
    return ''
  }
  const body = raw
    .replace(/\r\n?/g, '\n')
    .replace(FRONTMATTER, '')
    .replace(/^\n+|\s+$/g, '')
  return convert(body, { ...ctx, base: path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel), chain: [...ctx.chain, key] })
}

/** Inline syntax of one line outside code spans: includes (as one line) and shortcodes (removed). */
function convertInline(line: string, ctx: Context): string {
  return outsideCode(line, (text) => {
    let out = text.includes('<!--') ? withoutComments(text) : text
    if (out !== text) ctx.notes.add('removed HTML comments')
    out = out.replace(INCLUDE, (whole, label: string, target: string) => {
      const expanded = expandInclude(label, target, ctx)
      return expanded === undefined ? whole : expanded.replace(/\s+/g, ' ').trim()
    })
    if (out.includes('{{')) {
      for (const m of out.matchAll(SHORTCODE_INLINE)) ctx.notes.add(`removed inline {{< ${m[1]!.toLowerCase()} >}} shortcodes`)
      out = out
        .replace(SHORTCODE_PARENS, '')
        .replace(SHORTCODE_SPACED, (_, before: string) => before)
        .replace(SHORTCODE_INLINE, '')
    }
    return out
  })
}

/** Index of the first line at or after `from` that closes a `{{< details >}}` box, within MAX_BOX_LINES. */
function boxEnd(lines: string[], from: number): number | undefined {
  for (let j = from; j < Math.min(lines.length, from + MAX_BOX_LINES); j++) {
    const m = SHORTCODE_LINE.exec(lines[j]!)
    if (m && m[2] === '/' && m[3]!.toLowerCase() === 'details') return j
    if (!isBlank(lines[j]!) && !BOX_LINE.test(lines[j]!)) return undefined
  }
  return undefined
}

/** Convert a Markdown text (no frontmatter) line by line. */
function convert(markdown: string, ctx: Context): string {
  const { notes } = ctx
  const lines = markdown.split('\n')
  const out = new Output()
  let fence: string | undefined
  let tabs = 0
  let prevBlank = true
  let comment = false
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!
    if (comment) {
      // Inside a comment that opened a line: dropped up to its end, and the text after it is a line.
      const end = line.indexOf('-->')
      if (end < 0) continue
      comment = false
      line = line.slice(end + 3)
      if (isBlank(line)) {
        out.removed()
        prevBlank = true
        continue
      }
    }
    // MkDocs admonitions: content one level in; a line less indented ends the admonition.
    for (let q = 0; q < out.quotes.length && !isBlank(line); q++) {
      const quote = out.quotes[q]!
      if (quote.closer !== 'indented') continue
      if (line.startsWith(quote.content!)) {
        line = quote.indent + line.slice(quote.content!.length)
        continue
      }
      while (out.quotes.length > q) out.close()
      fence = undefined
      prevBlank = true
    }
    const blankBefore = prevBlank
    prevBlank = isBlank(line)
    if (fence !== undefined) {
      out.push(line)
      const m = FENCE.exec(line)
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined
      continue
    }
    const top = out.quotes.at(-1)
    const fm = FENCE.exec(line)
    if (top?.closer === 'blank' && (prevBlank || fm)) out.close()
    if (fm) {
      fence = fm[1]
      out.push(line)
      continue
    }

    if (COMMENT_START.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) {
      notes.add('removed HTML comments')
      comment = true
      continue
    }
    if (line.startsWith('#') && /^#{1,6}[ \t]/.test(line)) {
      const badge = HEADING_BADGE.exec(line.trimEnd())
      if (badge) {
        notes.add(`removed a tier badge from a heading: ${badge[0].trim()}`)
        line = line.trimEnd().slice(0, badge.index).trimEnd()
      }
    }

    const include = STANDALONE_INCLUDE.exec(line)
    if (include) {
      const expanded = expandInclude(include[2]!, include[3]!, ctx)
      if (expanded === undefined) out.push(line)
      else for (const l of expanded.split('\n')) out.push(l === '' ? include[1]!.trimEnd() : include[1] + l)
      continue
    }

    const admonition = DOCUSAURUS_OPEN.exec(line)
    if (admonition) {
      out.open({
        indent: admonition[1]!,
        label: (admonition[4] ?? admonition[5])?.trim() || cap(admonition[3]!),
        closer: 'docusaurus',
        colons: admonition[2]!.length,
      })
      prevBlank = true
      continue
    }
    const mkdocs = MKDOCS_OPEN.exec(line)
    if (mkdocs) {
      out.open({ indent: mkdocs[1]!, label: mkdocs[3]?.trim() || cap(mkdocs[2]!), closer: 'indented', content: `${mkdocs[1]}    ` })
      prevBlank = true
      continue
    }
    const colons = DOCUSAURUS_CLOSE.exec(line)
    const docusaurus = out.quotes.findLastIndex((q) => q.closer === 'docusaurus')
    if (colons && docusaurus >= 0) {
      while (out.quotes.length > docusaurus) out.close()
      prevBlank = true
      continue
    }

    const sc = SHORTCODE_LINE.exec(line)
    if (sc) {
      const [, indent, closing, rawName, attrs] = sc as unknown as [string, string, string, string, string]
      const name = rawName.toLowerCase()
      if (name === 'alert' && !closing) {
        out.open({ indent, label: cap(attr(attrs, 'type') ?? 'note'), closer: 'alert' })
        prevBlank = true
        continue
      }
      if (name === 'alert') {
        const alert = out.quotes.findLastIndex((q) => q.closer === 'alert')
        while (alert >= 0 && out.quotes.length > alert) out.close()
        out.removed()
        prevBlank = true
        continue
      }
      if (name === 'tab' && !closing) {
        const title = attr(attrs, 'title')
        if (title) out.block(`${indent}**${title.trim()}**`)
        else out.removed()
        prevBlank = true
        continue
      }
      if (name === 'details' && !closing) {
        const end = boxEnd(lines, i + 1)
        if (end !== undefined) {
          notes.add('dropped a tier/offering box ({{< details >}})')
          i = end
        }
      } else if (!['tabs', 'tab', 'details', 'icon'].includes(name)) {
        notes.add(`removed the tags of {{< ${name} >}} shortcodes, kept their content`)
      }
      out.removed()
      prevBlank = true
      continue
    }

    if (TABS_OPEN.test(line) || TABS_END.test(line)) {
      tabs += TABS_OPEN.test(line) ? 1 : -1
      out.removed()
      prevBlank = true
      continue
    }
    const tab = TAB_TITLE.exec(line)
    if (tab) {
      out.block(`${tab[1]}**${tab[2]}**`)
      prevBlank = true
      continue
    }

    if (DETAILS_LINE.test(line)) {
      let j = i + 1
      while (j < lines.length && !isBlank(lines[j]!) && BOX_LINE.test(lines[j]!)) j++
      if (j < lines.length && !isBlank(lines[j]!)) {
        notes.add('removed a "DETAILS:" line, kept its content')
      } else {
        notes.add('dropped a tier/offering box ("DETAILS:")')
        i = j - 1
      }
      out.removed()
      prevBlank = true
      continue
    }

    const label = blankBefore ? LABEL_PARAGRAPH.exec(line) : null
    if (label) {
      out.open({ indent: label[1]!, label: cap(label[2]!), closer: 'blank' })
      if (label[3]) out.push(label[1] + convertInline(label[3], ctx))
      continue
    }

    const converted = convertInline(line, ctx)
    // A line that only held a comment or a shortcode goes, with the blank lines around it.
    if (isBlank(converted) && !isBlank(line)) {
      out.removed()
      prevBlank = true
      continue
    }
    out.push(converted)
  }
  if (tabs !== 0) notes.add('"::Tabs" and "::EndTabs" lines do not pair up')
  while (out.quotes.length > 0) out.close()
  // A quote closed at the end leaves a blank line behind.
  while (out.lines.length > 0 && isBlank(out.lines.at(-1)!) && !isBlank(lines.at(-1) ?? '')) out.lines.pop()
  return out.lines.join('\n')
}

/** Turn documentation-dialect markup into plain CommonMark; pure. Text in fences and code spans is kept as is. */
export function convertMarkup(markdown: string, options: MarkupOptions = {}): ConvertedMarkup {
  const notes = new Set<string>()
  const text = convert(markdown.replace(/\r\n?/g, '\n'), { options, notes, base: '', chain: [] })
  return { text, notes: [...notes] }
}

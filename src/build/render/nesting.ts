/**
 * How deeply Markdown nests its containers (block quotes, list items and footnote definitions, the
 * containers of GitHub-flavoured Markdown), estimated from the text alone, before any parser runs.
 * The Markdown parser and the HTML conversion recurse once per level, and a list's cost grows with
 * the square of its depth: 3,000 nested `>` overflow the stack, an 800-level list takes half a
 * minute before it does. This scan costs one pass over each line's leading markers, so a file that
 * is refused costs next to nothing.
 *
 * The estimate never counts fewer levels than the parser opens (so it cannot be slipped past; a
 * property test compares the two on random Markdown), and may count a few more (a `- - -` rule, a
 * sibling indented by one column): a real article nests a handful of levels, far below the limit.
 */
import { LIMITS } from '../../limits.js'

/** The first line whose estimated nesting exceeds the limit, and that depth. */
export interface TooDeep {
  /** 1-based line within the Markdown text. */
  line: number
  /** Estimated levels of block quotes, list items and footnote definitions open on that line. */
  depth: number
}

/**
 * A marker line whose first marker stands left of this column certainly closes the list item or
 * footnote definition (see findTooDeep).
 */
type Reach = number

/** A footnote is continued by 4 columns of indentation past its container, so at least these 4. */
const FOOTNOTE_REACH = 4

/**
 * Find the first line nested deeper than `limit` levels, or nothing when the text is within it.
 * A line's depth is the `>`, list and footnote markers it starts with, plus the items of earlier
 * lines it may still be inside. A list marker at or left of an earlier item's marker closes that
 * item. A footnote definition is continued by any line indented 4 columns past the container it
 * is in, and micromark continues a footnote nested in another with those same 4 columns, so
 * `    [^n]: x` lines at one indentation nest without end: only a marker left of column 4 surely
 * closes a footnote. Lines without a marker close nothing, since a lazy continuation line keeps
 * every item open. All of this may over-count, never under-count.
 */
export function findTooDeep(markdown: string, limit: number = LIMITS.markdownNesting): TooDeep | undefined {
  const open: Reach[] = []
  let start = 0
  for (let line = 1; start <= markdown.length; line++) {
    const stop = lineEnd(markdown, start)
    const { quotes, markers } = leadingContainers(markdown, start, stop)
    if (markers.length > 0) {
      while (open.length > 0 && open[open.length - 1]! > markers[0]!.col) open.pop()
    }
    const depth = quotes + open.length + markers.length
    if (depth > limit) return { line, depth }
    let afterFootnote = false
    for (const m of markers) {
      // A list item opened on a footnote's first line is continued relative to the footnote's
      // 4 columns on the lines after it, not to the (wider) label it followed: column 5 may do.
      open.push(m.kind === 'footnote' ? FOOTNOTE_REACH : afterFootnote ? FOOTNOTE_REACH + 1 : m.col + 1)
      afterFootnote ||= m.kind === 'footnote'
    }
    if (stop === markdown.length) break
    start = stop + (markdown[stop] === '\r' && markdown[stop + 1] === '\n' ? 2 : 1)
  }
  return undefined
}

/** Where the line starting at `start` ends: at "\n", "\r" or "\r\n", as Markdown reads them. */
function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) return i
  }
  return text.length
}

/**
 * The `>` markers a line starts with, and its list and footnote markers with their columns (both
 * hold what is indented under them; tabs stop every 4 columns).
 */
function leadingContainers(text: string, start: number, stop: number): { quotes: number; markers: Array<{ kind: 'list' | 'footnote'; col: number }> } {
  let quotes = 0
  const markers: Array<{ kind: 'list' | 'footnote'; col: number }> = []
  let col = 0
  let i = start
  for (;;) {
    while (i < stop && (text[i] === ' ' || text[i] === '\t')) {
      col += text[i] === '\t' ? 4 - (col % 4) : 1
      i++
    }
    if (i >= stop) break
    if (text[i] === '>') {
      quotes++
      i++
      col++
      continue
    }
    const list = listMarkerLength(text, i, stop)
    const length = list || footnoteMarkerLength(text, i, stop)
    if (length === 0) break
    markers.push({ kind: list ? 'list' : 'footnote', col })
    i += length
    col += length
  }
  return { quotes, markers }
}

/** Length of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `i`, followed by white space or the line's end; 0 if none. */
function listMarkerLength(text: string, i: number, stop: number): number {
  let j = i
  const c = text[j]
  if (c === '-' || c === '+' || c === '*') j++
  else {
    while (j < stop && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++
    if (j === i || (text[j] !== '.' && text[j] !== ')')) return 0
    j++
  }
  return j >= stop || text[j] === ' ' || text[j] === '\t' ? j - i : 0
}

/**
 * Length of a footnote definition's label (`[^note]:`) at `i`; 0 if none. Looser than GFM (which
 * refuses white space in labels), so it never misses one.
 */
function footnoteMarkerLength(text: string, i: number, stop: number): number {
  if (text[i] !== '[' || text[i + 1] !== '^') return 0
  const close = text.indexOf(']', i + 2)
  // GFM labels are at most 999 characters long.
  if (close < 0 || close >= stop || close === i + 2 || close - i - 2 > 999 || text[close + 1] !== ':') return 0
  return close + 2 - i
}

/** The first line where a paragraph holds more inline openers than the limit, and their count. */
export interface TooManyOpeners {
  /** 1-based line within the Markdown text. */
  line: number
  /** Inline openers counted in the paragraph up to that line. */
  count: number
}

/**
 * Find the first paragraph with more than `limit` inline openers: `[` (a link's or an image's
 * label) and the `*`, `_` and `~` of a run that could open emphasis or strikethrough (a
 * left-flanking run, each mark counted: `******` can open three levels). Links and emphasis nest like block quotes, with a cost that grows faster still:
 * 2,000 nested `![` take 15 s to parse and 2,000 nested `*a ` overflow the stack. A paragraph
 * ends at a blank line; lines that begin another block (a list item, a link definition) are
 * counted with it, since telling them from a paragraph's continuation takes a parser: this
 * over-counts, never under-counts, and the message asks for blank lines. An `_` between two letters or digits never opens, so codes such as
 * ERROR_ACCESS_DENIED count nothing.
 */
export function findTooManyOpeners(markdown: string, limit: number = LIMITS.markdownInlineOpeners): TooManyOpeners | undefined {
  let count = 0
  let start = 0
  for (let line = 1; start <= markdown.length; line++) {
    const stop = lineEnd(markdown, start)
    if (isBlank(markdown, start, stop)) count = 0
    else {
      count += inlineOpeners(markdown, start, stop)
      if (count > limit) return { line, count }
    }
    if (stop === markdown.length) break
    start = stop + (markdown[stop] === '\r' && markdown[stop + 1] === '\n' ? 2 : 1)
  }
  return undefined
}

/** A line with nothing but white space and `>` markers ends the paragraph it follows. */
function isBlank(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = text[i]
    if (c !== ' ' && c !== '\t' && c !== '>') return false
  }
  return true
}

const WORD = /[\p{L}\p{N}]/u
/** CommonMark's Unicode white space, exactly: a wider set would say "cannot open" too often. */
const SPACE = /[\t\n\f\r\p{Zs}]/u
/** ASCII punctuation only: a subset of CommonMark's, so a run is never thought unable to open when it can. */
const PUNCTUATION = /[!-/:-@[-`{-~]/

/** The inline openers on one line (see findTooManyOpeners). */
function inlineOpeners(text: string, start: number, stop: number): number {
  let n = 0
  for (let i = start; i < stop; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '[') n++
    else if (c === '*' || c === '_' || c === '~') {
      let j = i
      while (j < stop && text[j] === c) j++
      // A byte order mark is dropped where it starts the text, so it counts as the line's start.
      const before = i > start && text[i - 1] !== '\uFEFF' ? text[i - 1]! : ' '
      const after = j < stop ? text[j]! : ' '
      // Left-flanking (CommonMark): not before white space, and not before punctuation unless after
      // white space or punctuation. An "_" between two letters or digits does not open.
      const leftFlanking = !SPACE.test(after) && (!PUNCTUATION.test(after) || SPACE.test(before) || PUNCTUATION.test(before))
      const opens = leftFlanking && !(c === '_' && WORD.test(before) && WORD.test(after))
      if (opens) n += j - i
      i = j - 1
    }
  }
  return n
}

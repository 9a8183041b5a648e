/**
 * How deeply Markdown nests its containers (block quotes and list items), estimated from the text
 * alone, before any parser runs. The Markdown parser and the HTML conversion recurse once per
 * level, and a list's cost grows with the square of its depth: 3,000 nested `>` overflow the stack,
 * an 800-level list takes half a minute before it does. This scan costs one pass over each line's
 * leading markers, so a file that is refused costs next to nothing.
 *
 * The estimate never counts fewer levels than the parser would open (so it cannot be slipped past),
 * and may count a few more (a `- - -` rule, a sibling indented by one column): a real article nests
 * a handful of levels, far below the limit.
 */
import { LIMITS } from '../limits.js'

/** The first line whose estimated nesting exceeds the limit, and that depth. */
export interface TooDeep {
  /** 1-based line within the Markdown text. */
  line: number
  /** Estimated levels of block quotes and list items open on that line. */
  depth: number
}

/**
 * Find the first line nested deeper than `limit` levels, or nothing when the text is within it.
 * A line's depth is the `>` and list markers it starts with, plus the list items of earlier lines
 * it may still be inside: those whose marker stands left of this line's first marker (a marker
 * at or left of an earlier one closes that item). Lines without a marker close nothing, since a
 * lazy continuation line keeps every item open; that may over-count, never under-count.
 */
export function findTooDeep(markdown: string, limit: number = LIMITS.markdownNesting): TooDeep | undefined {
  const open: number[] = []
  let start = 0
  for (let line = 1; start <= markdown.length; line++) {
    const end = markdown.indexOf('\n', start)
    const stop = end < 0 ? markdown.length : end
    const { quotes, markers } = leadingContainers(markdown, start, stop)
    if (markers.length > 0) {
      while (open.length > 0 && open[open.length - 1]! >= markers[0]!) open.pop()
    }
    const depth = quotes + open.length + markers.length
    if (depth > limit) return { line, depth }
    open.push(...markers)
    if (end < 0) break
    start = end + 1
  }
  return undefined
}

/** The `>` markers and the columns of the list markers a line starts with (tabs stop every 4 columns). */
function leadingContainers(text: string, start: number, stop: number): { quotes: number; markers: number[] } {
  let quotes = 0
  const markers: number[] = []
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
    const length = listMarkerLength(text, i, stop)
    if (length === 0) break
    markers.push(col)
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
  return j >= stop || text[j] === ' ' || text[j] === '\t' || text[j] === '\r' ? j - i : 0
}

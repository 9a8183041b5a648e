/**
 * GitHub-flavoured Markdown's five constructs, each with the characters its syntax cannot do
 * without, so a text is parsed with only the constructs it may hold. remark-gfm adds all five to
 * every parse, and they double micromark's work on plain prose: the literal-link construct is
 * tried at the start of every word (an e-mail address can start anywhere), the table construct at
 * the start of every line. A construct whose characters are absent cannot match, so leaving it out
 * gives the same tree; test/render.test.ts checks the trees equal remark-gfm's on every corpus's
 * Markdown and on generated text.
 */
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Extension as MicromarkExtension } from 'micromark-util-types'

/** One GFM construct: its tokenizer, its tree builder, and a test every text that may hold it passes. */
export interface GfmConstruct {
  name: string
  syntax: MicromarkExtension
  tree: FromMarkdownExtension
  /** False only when the construct cannot occur in the text (a superset test: true may still hold none). */
  mayOccur: (markdown: string) => boolean
}

/**
 * In remark-gfm's order (micromark-extension-gfm, mdast-util-gfm), which the combined extensions keep.
 * - Literal links: the tokenizer needs "@", "www." or "http(s)://" as written; the tree step then
 *   searches the text nodes' values, where a character reference (`&#64;`) or an escape (`www\.`)
 *   has become the character itself, so "&" and "\" count too.
 * - Footnotes: a call and a definition both start "[^".
 * - Strikethrough: "~".
 * - Tables: a delimiter row holds "|", or a ":" beside a "-" (`a` over `:-` is a one-cell table).
 * - Task list items: "[" then a space, tab, line ending, "x" or "X" (the "]" may be on the next line).
 */
export const GFM_CONSTRUCTS: readonly GfmConstruct[] = [
  { name: 'autolink-literal', syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown(), mayOccur: (s) => /[@&\\]|https?:\/\/|www\./i.test(s) },
  { name: 'footnote', syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown(), mayOccur: (s) => s.includes('[^') },
  { name: 'strikethrough', syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown(), mayOccur: (s) => s.includes('~') },
  { name: 'table', syntax: gfmTable(), tree: gfmTableFromMarkdown(), mayOccur: (s) => /\||:[ \t]*-|-[ \t]*:/.test(s) },
  { name: 'task-list-item', syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown(), mayOccur: (s) => /\[[\sxX]/.test(s) },
]

/** The constructs a text may hold, as a bit set over GFM_CONSTRUCTS. */
export function gfmConstructsIn(markdown: string): number {
  let set = 0
  for (const [i, c] of GFM_CONSTRUCTS.entries()) if (c.mayOccur(markdown)) set |= 1 << i
  return set
}

/** The constructs of a bit set from gfmConstructsIn, in order. */
export function gfmConstructsOf(set: number): GfmConstruct[] {
  return GFM_CONSTRUCTS.filter((_, i) => (set & (1 << i)) !== 0)
}

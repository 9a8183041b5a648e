/**
 * Rendering Markdown with unified/remark: sanitized HTML for display, plain text for indexing.
 * Raw HTML in articles is dropped (remark-rehype without allowDangerousHtml) and the HTML tree is
 * sanitized with GitHub's schema on top, so no article can run script where it is shown.
 * Markdown nested deeper than LIMITS.markdownNesting, or with a paragraph of more inline openers
 * than LIMITS.markdownInlineOpeners, is refused before the parser runs (src/build/render/nesting.ts);
 * lint reports it with its line, so a valid article never meets that error.
 */
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import type { Nodes as HastNodes, Root as HastRoot } from 'hast'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { RenderedText } from '../../core/article.js'
import { LIMITS } from '../../limits.js'
import { findTooDeep, findTooManyOpeners } from './nesting.js'

export type { RenderedText } from '../../core/article.js'

const parser = unified().use(remarkParse).use(remarkGfm)
/** The prefix rehype-sanitize puts before every id and name, so no article can clobber the page's globals. */
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-'

/** Parse Markdown (CommonMark and GFM) into a syntax tree with positions: the project's one Markdown parser (rendering, import). */
export function parseMarkdown(markdown: string): MdastRoot {
  return parser.runSync(parser.parse(markdown)) as MdastRoot
}

/**
 * Point in-page links (`#fn-1`) at the ids rehype-sanitize prefixed (`user-content-fn-1`).
 * remark-rehype is told not to prefix footnote ids itself: it would prefix the ids and their
 * links, then sanitize would prefix the ids again, and every footnote link would go nowhere.
 */
function prefixFragmentLinks() {
  const visit = (node: HastNodes): void => {
    if (node.type === 'element' && node.tagName === 'a') {
      const href = node.properties.href
      if (typeof href === 'string' && href.startsWith('#') && !href.startsWith(`#${CLOBBER_PREFIX}`)) {
        node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`
      }
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  return (tree: HastRoot) => visit(tree)
}

const toHtml = unified().use(remarkRehype, { clobberPrefix: '' }).use(rehypeSanitize).use(prefixFragmentLinks).use(rehypeStringify)

/** Render Markdown to sanitized HTML and to plain text; throws when it is nested too deeply to render. */
export function renderMarkdown(markdown: string): RenderedText {
  const deep = findTooDeep(markdown)
  if (deep) throw new Error(`Markdown is nested more than ${LIMITS.markdownNesting} levels deep (line ${deep.line})`)
  const crowded = findTooManyOpeners(markdown)
  if (crowded)
    throw new Error(`Markdown has more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks between blank lines (line ${crowded.line})`)
  const tree = parseMarkdown(markdown)
  const html = String(toHtml.stringify(toHtml.runSync(structuredClone(tree)) as never)).trim()
  return { markdown, html, text: plainText(tree) }
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'code', 'blockquote', 'tableRow', 'tableCell', 'thematicBreak', 'definition'])

/** Plain text of a Markdown tree, with a line break between blocks; raw HTML is left out. */
export function plainText(tree: MdastRoot): string {
  const parts: string[] = []
  const walk = (node: MdastNodes): void => {
    if (node.type === 'html') return
    if ('value' in node && typeof node.value === 'string') parts.push(node.value)
    if (node.type === 'image' && node.alt) parts.push(node.alt)
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes)
    if (node.type === 'break') parts.push('\n')
    if (BLOCK_TYPES.has(node.type)) parts.push(node.type === 'tableCell' ? ' ' : '\n')
  }
  walk(tree)
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
}

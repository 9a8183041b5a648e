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
import { type Processor, unified } from 'unified'
import type { RenderedText } from '../../core/article.js'
import { LIMITS } from '../../limits.js'
import { findTooDeep, findTooManyOpeners } from './nesting.js'

export type { RenderedText } from '../../core/article.js'

/** The prefix rehype-sanitize puts before every id and name, so no article can clobber the page's globals. */
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-'

/** What a text needs for remark-gfm to find a literal link in it: each of its patterns starts at "http(s)://" or "www.", or holds an "@". */
const LITERAL_LINK_HINT = /@|https?:\/\/|www\./i

/** True when some text node of the tree holds a hint of a literal link (in a link or not: a superset is enough). */
function mayHoldLiteralLink(node: MdastNodes): boolean {
  if (node.type === 'text') return LITERAL_LINK_HINT.test(node.value)
  return 'children' in node && node.children.some((child) => mayHoldLiteralLink(child as MdastNodes))
}

/**
 * remark-gfm's transform for literal links (www.example.com, ops@example.com) runs four
 * find-and-replace passes over every text node after each parse, about a twentieth of a build's
 * CPU; in a tree without the hints none of them can match, so there it is skipped. Its extension
 * is the one that handles `literalAutolink` tokens; test/render.test.ts checks the output equals
 * remark-gfm's own, hints or not.
 */
function skipLiteralLinksWithoutHints(this: Processor): void {
  type Transform = (tree: MdastRoot) => MdastRoot | undefined | void
  type Extension = { enter?: Record<string, unknown> | null; transforms?: Transform[] | null }
  const extensions = (this.data('fromMarkdownExtensions') ?? []).flat() as Extension[]
  for (const extension of extensions) {
    if (!extension.enter || !('literalAutolink' in extension.enter) || !extension.transforms) continue
    extension.transforms = extension.transforms.map(
      (transform): Transform =>
        (tree) =>
          mayHoldLiteralLink(tree) ? transform(tree) : undefined,
    )
  }
}

// A plugin after remark-gfm: attached in order, it finds remark-gfm's extensions in place.
const parser = unified().use(remarkParse).use(remarkGfm).use(skipLiteralLinksWithoutHints)

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
  return { markdown, html: markdownHtml(tree), text: plainText(tree) }
}

/**
 * Sanitized HTML of a Markdown tree. The tree is not copied first: remark-rehype makes a new (hast)
 * tree and leaves this one as it was (test/render.test.ts checks), so its plain text can be read after.
 */
export function markdownHtml(tree: MdastRoot): string {
  return String(toHtml.stringify(toHtml.runSync(tree) as never)).trim()
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

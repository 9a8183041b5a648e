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
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type Processor, unified } from 'unified'
import type { RenderedText } from '../../core/article.js'
import { LIMITS } from '../../limits.js'
import { gfmConstructsIn, gfmConstructsOf } from './gfm.js'
import { findTooDeep, findTooManyOpeners } from './nesting.js'

export type { RenderedText } from '../../core/article.js'

/** The prefix rehype-sanitize puts before every id and name, so no article can clobber the page's globals. */
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-'

/** One parser per set of GFM constructs (at most 32), made when a text first needs that set. */
const parsers = new Map<number, Processor>()

function parserFor(set: number): Processor {
  let parser = parsers.get(set)
  if (!parser) {
    const constructs = gfmConstructsOf(set)
    // What remark-gfm does for its parse, with this set's constructs only (it adds all five).
    parser = unified()
      .use(remarkParse)
      .use(function addConstructs(this: Processor) {
        this.data(
          'micromarkExtensions',
          constructs.map((c) => c.syntax),
        )
        this.data(
          'fromMarkdownExtensions',
          constructs.map((c) => c.tree),
        )
      }) as unknown as Processor
    parsers.set(set, parser)
  }
  return parser
}

/**
 * Parse Markdown (CommonMark and GFM) into a syntax tree with positions: the project's one
 * Markdown parser (rendering, import). The tree is remark-gfm's; only the GFM constructs the
 * text may hold are tried (src/build/render/gfm.ts), which halves the parse of plain prose.
 */
export function parseMarkdown(markdown: string): MdastRoot {
  const parser = parserFor(gfmConstructsIn(markdown))
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

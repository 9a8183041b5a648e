/**
 * Rendering Markdown with unified/remark: sanitized HTML for display, plain text for indexing.
 * Raw HTML in articles is dropped (remark-rehype without allowDangerousHtml) and the HTML tree is
 * sanitized with GitHub's schema on top, so no article can run script where it is shown.
 */
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

/** One Markdown field in its three forms. */
export interface RenderedText {
  markdown: string
  html: string
  text: string
}

const parser = unified().use(remarkParse).use(remarkGfm)
const toHtml = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify)

/** Render Markdown to sanitized HTML and to plain text. */
export function renderMarkdown(markdown: string): RenderedText {
  const tree = parser.runSync(parser.parse(markdown)) as MdastRoot
  const html = String(toHtml.stringify(toHtml.runSync(structuredClone(tree)) as never)).trim()
  return { markdown, html, text: plainText(tree) }
}

const BLOCK_TYPES = new Set([
  'paragraph', 'heading', 'listItem', 'code', 'blockquote', 'tableRow', 'tableCell', 'thematicBreak', 'definition',
])

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

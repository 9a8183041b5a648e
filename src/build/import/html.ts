/**
 * An HTML article (a KB's HTML export, a help-center article body) as Markdown, so the rest of the
 * importer reads it as it reads a Markdown source: rehype-parse, then rehype-remark and
 * remark-stringify (with GFM, for tables). Only the article's content is kept: the `<main>` or
 * `<article>` when the page has one, without scripts, styles, navigation, footers, or page
 * headers. Headings keep their levels, so the same section mapping applies. The title is the first
 * `<h1>` (else `<title>`); `<meta name content>` pairs become frontmatter.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { LIMITS } from '../../limits.js'

/** An HTML page as Markdown, its title, and its metadata. */
export interface HtmlDocument {
  markdown: string
  title?: string
  /** `<meta name=... content=...>` values by lower-cased name (`keywords` split at commas); a repeated name gives a list. */
  frontmatter: Record<string, unknown>
}

/** Thrown for an HTML source nested deeper than LIMITS.importHtmlNesting: its message is the reason it is skipped. */
export class HtmlTooDeepError extends Error {
  constructor(readonly line: number | undefined) {
    super(`HTML nested more than ${LIMITS.importHtmlNesting} elements deep${line === undefined ? '' : `, at line ${line}`}`)
    this.name = 'HtmlTooDeepError'
  }
}

/** Elements that are never article content. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'iframe', 'object', 'embed', 'form', 'button', 'svg', 'canvas', 'dialog'])
/** Elements that can hold a page's furniture when a class or id names it. */
const BLOCKS = new Set(['div', 'section', 'aside', 'ul', 'ol', 'p'])
/** ARIA roles of page furniture: site banners, menus, page footers, search boxes. */
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar'])
/**
 * Words of the `class` or `id` of page furniture in exports without semantic elements: `kb-breadcrumbs`,
 * `left-sidebar`, `id="footer"`, `article-feedback`. A whole word of the name, between `-`, `_` or spaces.
 */
const FURNITURE_NAME =
  /(?:^|[-_\s])(?:breadcrumbs?|sidebar|navbar|toc|table-of-contents|footer|site-header|cookie-banner|cookies|skip-link|pagination|feedback)(?:$|[-_\s])/i
/** `<meta name>`s that describe the page's rendering, not the article. */
const TECHNICAL_META =
  /^(?:viewport|generator|robots|googlebot|bingbot|referrer|theme-color|color-scheme|format-detection|csrf-token|csrf-param|handheldfriendly|mobileoptimized|msapplication-.*|apple-.*|application-name|google-site-verification|msvalidate\..*|twitter:.*|og:.*|fb:.*)$/i

const isElement = (node: RootContent | ElementContent | Root): node is Element => node.type === 'element'
const prop = (node: Element, name: string): string | undefined => {
  const value = node.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** Every element below a node, in document order, without recursion (HTML nests as deep as it likes). */
function* elements(root: Root | Element): Generator<Element> {
  const stack: Array<Root | ElementContent | RootContent> = [...root.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isElement(node)) continue
    yield node
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
}

/** The first element nested deeper than LIMITS.importHtmlNesting, found without recursion. */
function findTooDeep(root: Root): Element | undefined {
  const stack: Array<[ElementContent | RootContent, number]> = root.children.map((c) => [c, 1])
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (!isElement(node)) continue
    if (depth > LIMITS.importHtmlNesting) return node
    for (const child of node.children) stack.push([child, depth + 1])
  }
  return undefined
}

/** The text of a node, white space collapsed. */
function textOf(node: Element): string {
  const parts: string[] = []
  const stack: ElementContent[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type === 'text') parts.push(n.value)
    else if (n.type === 'element') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** `<meta name content>` pairs as frontmatter values. */
function metaFrontmatter(root: Root): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const el of elements(root)) {
    if (el.tagName !== 'meta') continue
    const name = prop(el, 'name')?.trim().toLowerCase()
    const content = prop(el, 'content')?.replace(/\s+/g, ' ').trim()
    if (!name || !content || TECHNICAL_META.test(name)) continue
    const value: string | string[] =
      name === 'keywords'
        ? content
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean)
        : content
    const prior = out[name]
    out[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), ...(Array.isArray(value) ? value : [value])]
  }
  return out
}

/** True for an element that is page furniture, not content. */
function isFurniture(el: Element): boolean {
  if (DROPPED.has(el.tagName)) return true
  if (prop(el, 'hidden') !== undefined || prop(el, 'ariaHidden') === 'true') return true
  const role = prop(el, 'role')?.toLowerCase()
  if (role !== undefined && DROPPED_ROLES.has(role)) return true
  // Named furniture is a block of its own; an inline element with such a class is content.
  if (!BLOCKS.has(el.tagName)) return false
  return FURNITURE_NAME.test(prop(el, 'id') ?? '') || FURNITURE_NAME.test(prop(el, 'className') ?? '')
}

/**
 * The article's content, in place: page furniture removed, a `<header>` reduced to the headings in
 * it (an article's header holds its title; a page's holds a logo and menus, dropped).
 */
function prune(parent: Root | Element): void {
  const stack: Array<Root | Element> = [parent]
  while (stack.length > 0) {
    const node = stack.pop()!
    const kept: ElementContent[] = []
    for (const child of node.children as RootContent[]) {
      if (child.type === 'comment' || child.type === 'doctype') continue
      if (!isElement(child)) {
        kept.push(child)
        continue
      }
      if (isFurniture(child)) continue
      if (child.tagName === 'header') {
        for (const el of elements(child)) if (/^h[1-6]$/.test(el.tagName) && !isFurniture(el)) kept.push(el)
        continue
      }
      kept.push(child)
      stack.push(child)
    }
    node.children = kept
  }
}

/** The element that holds the article: the first `<main>` or `[role=main]`, else the first `<article>`, else the whole page. */
function contentRoot(root: Root): Root | Element {
  let article: Element | undefined
  for (const el of elements(root)) {
    if (el.tagName === 'main' || prop(el, 'role')?.toLowerCase() === 'main') return el
    if (el.tagName === 'article') article ??= el
  }
  return article ?? root
}

/**
 * HTML to Markdown, with its title and `<meta>` frontmatter; pure. Scripts, styles and page
 * furniture are dropped. Throws HtmlTooDeepError past LIMITS.importHtmlNesting.
 */
export function htmlToMarkdown(html: string): HtmlDocument {
  const page = unified().use(rehypeParse).parse(html)
  const deep = findTooDeep(page)
  if (deep) throw new HtmlTooDeepError(deep.position?.start.line)
  const frontmatter = metaFrontmatter(page)
  const pageTitle = [...elements(page)].find((el) => el.tagName === 'title')
  const content = contentRoot(page)
  prune(content)
  const h1 = [...elements(content)].find((el) => el.tagName === 'h1')
  const title = (h1 && textOf(h1)) || (pageTitle && textOf(pageTitle)) || undefined

  const tree: Root = content.type === 'root' ? content : { type: 'root', children: [content] }
  const processor = unified()
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', fence: '`', fences: true, rule: '-', emphasis: '_', listItemIndent: 'one' })
  const markdown = processor.stringify(processor.runSync(tree)).trim()
  return { markdown: markdown ? `${markdown}\n` : '', ...(title ? { title } : {}), frontmatter }
}

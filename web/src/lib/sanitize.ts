/**
 * Article HTML, sanitized again in the browser. The API already serves sanitized HTML, but the
 * widget runs inside someone else's portal, so it trusts no markup it did not build itself.
 *
 * The HTML is parsed by DOMParser into an inert document (nothing in it runs or loads), then
 * rebuilt node by node into the target document from an allow-list: only the listed elements,
 * only the listed attributes, URLs only http(s), mailto and in-page anchors. Text is copied as
 * text. Elements that are not listed are unwrapped (their text kept), except script-like and
 * form-like ones, which are dropped whole. Nothing is serialized and parsed again, so there is
 * no second parse for a payload to change meaning in (mutation XSS), and no string reaches
 * innerHTML.
 */

const XHTML = 'http://www.w3.org/1999/xhtml'

const ALLOWED = new Set(
  (
    'p br hr h1 h2 h3 h4 h5 h6 blockquote ul ol li pre code kbd samp var strong b em i del s ins sub sup ' +
    'a img table thead tbody tfoot tr th td caption dl dt dd details summary span div'
  ).split(' '),
)
/** Dropped with everything inside them. */
const DROPPED = new Set(
  (
    'script style template iframe frame frameset object embed applet noscript noembed noframes svg math ' +
    'textarea select option button form input link meta base title head xmp plaintext canvas audio video source track'
  ).split(' '),
)
const ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  th: ['align', 'colspan', 'rowspan'],
  td: ['align', 'colspan', 'rowspan'],
  ol: ['start'],
}
const NUMERIC = new Set(['width', 'height', 'colspan', 'rowspan', 'start'])
const MAX_DEPTH = 64

/** An absolute URL with an allowed scheme, or undefined. */
function safeUrl(value: string, base: string, schemes: RegExp): string | undefined {
  try {
    const url = new URL(value.trim(), base)
    return schemes.test(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

function copyAttributes(from: Element, to: Element, tag: string, base: string): void {
  for (const name of ATTRIBUTES[tag] ?? []) {
    const value = from.getAttribute(name)
    if (value === null) continue
    if (name === 'href') {
      // Footnote links stay in-page; the API prefixes their ids (`user-content-`).
      const href = value.startsWith('#') ? value : safeUrl(value, base, /^(https?|mailto):$/)
      if (href) to.setAttribute('href', href)
    } else if (name === 'src') {
      const src = safeUrl(value, base, /^https?:$/)
      if (src) to.setAttribute('src', src)
    } else if (NUMERIC.has(name)) {
      if (/^\d{1,4}$/.test(value)) to.setAttribute(name, value)
    } else if (name === 'align') {
      if (/^(left|right|center)$/.test(value)) to.setAttribute(name, value)
    } else to.setAttribute(name, value)
  }
  // Ids only in the API's own prefixed form, so they cannot clobber names in the page.
  const id = from.getAttribute('id')
  if (id && /^user-content-[\w-]{1,100}$/.test(id)) to.setAttribute('id', id)
  if (tag === 'a' && to.getAttribute('href')?.startsWith('#') === false) {
    to.setAttribute('target', '_blank')
    to.setAttribute('rel', 'noopener noreferrer nofollow')
  }
}

function rebuild(from: Node, into: Node, doc: Document, base: string, depth: number): void {
  if (depth > MAX_DEPTH) return
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(node.nodeValue ?? ''))
      continue
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue // comments, processing instructions
    const el = node as Element
    const tag = el.localName
    if (el.namespaceURI !== XHTML) continue
    if (tag === 'input' && el.getAttribute('type') === 'checkbox') {
      // A task-list item: its box, as text.
      into.appendChild(doc.createTextNode(el.hasAttribute('checked') ? '☑ ' : '☐ '))
    } else if (DROPPED.has(tag)) {
      continue
    } else if (ALLOWED.has(tag)) {
      let out = doc.createElement(tag)
      copyAttributes(el, out, tag, base)
      // A link whose URL was refused is no link.
      if (tag === 'a' && !out.hasAttribute('href')) out = doc.createElement('span')
      rebuild(el, out, doc, base, depth + 1)
      into.appendChild(out)
    } else {
      rebuild(el, into, doc, base, depth + 1)
    }
  }
}

/**
 * Safe nodes for an HTML string, created in `doc` (so in the right window), ready to append.
 * Relative URLs resolve against `base` (the KB), not the page the widget sits in.
 */
export function sanitizedFragment(doc: Document, html: string, base: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  const frag = doc.createDocumentFragment()
  rebuild(parsed.body, frag, doc, base || doc.baseURI, 0)
  return frag
}

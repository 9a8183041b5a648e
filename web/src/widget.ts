/**
 * `<kb-search>`: the knowledge-base widget a portal embeds with two lines.
 *
 *   <script src="https://kb.example.com/widget.js" defer></script>
 *   <kb-search api="https://kb.example.com" mode="search" limit="5" product="IIS"></kb-search>
 *
 * A custom element with its own Shadow DOM (the portal's CSS and ours do not reach each other),
 * themed through `--kb-*` custom properties. As the visitor types (search) or pastes an error
 * (match), it asks the API (debounced, the previous request aborted), shows results as an ARIA
 * listbox driven from the input (combobox pattern, `aria-activedescendant`), announces counts in
 * a polite live region, and opens an article in place. It tells the host page what happens with
 * the `kb-results`, `kb-select` and `kb-feedback` events (all bubble out of the shadow root); calling
 * `preventDefault()` on `kb-select` keeps the article from opening in the widget. Opens are reported
 * to the API (`POST /api/events/open`), and under an opened article the visitor is asked "Did this
 * solve it?" (`POST /api/feedback`), both with the queryId of the answer the article came from.
 */
import {
  type Article,
  KbClient,
  KbError,
  isAbort,
  type MatchHit,
  type MatchResult,
  type Mode,
  type SearchHit,
  type SearchResult,
  type Verdict,
} from './lib/api.js'
import { feedbackBox } from './lib/feedback.js'
import { articleView, h, resultBody } from './lib/render.js'
import css from './widget.css'

/** Where this script was loaded from: the API's default base URL. */
const SCRIPT_ORIGIN = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src
  try {
    return src ? new URL(src).origin : ''
  } catch {
    return ''
  }
})()

const DEBOUNCE_MS: Record<Mode, number> = { search: 200, match: 350 }
const MIN_CHARS: Record<Mode, number> = { search: 2, match: 3 }
const MAX_LIMIT: Record<Mode, number> = { search: 50, match: 20 }

let sheet: CSSStyleSheet | undefined
/** One constructed stylesheet shared by every instance; CSP-friendly (no inline <style>). */
function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
    }
    root.adoptedStyleSheets = [sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = css
    root.append(style)
  }
}

type Hit = SearchHit | MatchHit
type View = 'closed' | 'list' | 'article'

export class KbSearchElement extends HTMLElement {
  static observedAttributes = ['api', 'mode', 'limit', 'product', 'placeholder', 'label']

  readonly #root: ShadowRoot
  #input!: HTMLInputElement | HTMLTextAreaElement
  #field!: HTMLElement
  #panel!: HTMLElement
  #state!: HTMLElement
  #list!: HTMLElement
  #footer!: HTMLElement
  #article!: HTMLElement
  #articleBody!: HTMLElement
  #openLink!: HTMLAnchorElement
  #live!: HTMLElement

  #hits: Hit[] = []
  #terms: string[] = []
  #active = -1
  #view: View = 'closed'
  #timer: ReturnType<typeof setTimeout> | undefined
  #request: AbortController | undefined
  #articleRequest: AbortController | undefined
  #lastQuery = ''
  #lastResponse: SearchResult | MatchResult | undefined
  /** The queryId of the answer shown: opens and feedback carry it, so they link to the question. */
  #queryId: string | undefined
  /** Verdicts already given, by `queryId articleId`: reopening the article thanks rather than asks again. */
  readonly #answered = new Map<string, Verdict>()
  #rendered = false

  constructor() {
    super()
    this.#root = this.attachShadow({ mode: 'open' })
    adoptStyles(this.#root)
  }

  /** The response last shown (search or match shape), for host pages that prefer polling to events. */
  get lastResponse(): SearchResult | MatchResult | undefined {
    return this.#lastResponse
  }

  get mode(): Mode {
    return this.getAttribute('mode') === 'match' ? 'match' : 'search'
  }

  get #client(): KbClient {
    const api = (this.getAttribute('api') ?? '').trim() || SCRIPT_ORIGIN
    return new KbClient(api.replace(/\/+$/, ''))
  }

  get #limit(): number {
    const n = Number.parseInt(this.getAttribute('limit') ?? '', 10)
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_LIMIT[this.mode]) : 5
  }

  get #product(): string | undefined {
    return this.getAttribute('product')?.trim() || undefined
  }

  connectedCallback(): void {
    if (!this.#rendered) this.#render()
    document.addEventListener('keydown', this.#onShortcut)
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onShortcut)
    clearTimeout(this.#timer)
    this.#request?.abort()
    this.#articleRequest?.abort()
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#rendered || old === value) return
    if (name === 'mode') {
      this.#render()
      return
    }
    this.#labelInput()
    if (name !== 'placeholder' && name !== 'label' && this.#input.value.trim()) this.#run(0)
  }

  /** Focus the input (also what the "/" shortcut does). */
  override focus(): void {
    this.#input.focus()
  }

  /** Run a query (search text or a paste) as if typed. */
  query(text: string): void {
    this.#input.value = text
    this.#run(0)
  }

  /** Empty the input and close everything. */
  clear(): void {
    this.#input.value = ''
    this.#reset()
  }

  // ---- rendering -------------------------------------------------------------------------------

  #render(): void {
    const doc = document
    const match = this.mode === 'match'
    for (const n of Array.from(this.#root.childNodes)) if (n.nodeName !== 'STYLE') n.remove()
    this.#hits = []
    this.#active = -1
    this.#view = 'closed'

    this.#input = match
      ? (h(doc, 'textarea', { rows: '3' }) as HTMLTextAreaElement)
      : (h(doc, 'input', { type: 'search', role: 'combobox', 'aria-autocomplete': 'list', enterkeyhint: 'search' }) as HTMLInputElement)
    const input = this.#input
    input.id = 'kb-input'
    input.className = 'kb-input'
    input.setAttribute('part', 'input')
    input.setAttribute('autocomplete', 'off')
    input.setAttribute('spellcheck', 'false')
    input.setAttribute('aria-controls', 'kb-listbox')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-describedby', 'kb-hint')
    this.#labelInput()

    const icon = doc.createElementNS('http://www.w3.org/2000/svg', 'svg')
    icon.setAttribute('viewBox', '0 0 20 20')
    icon.setAttribute('aria-hidden', 'true')
    icon.setAttribute('class', 'kb-icon')
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path')
    path.setAttribute('d', match ? 'M10 2 1 18h18L10 2zm0 5v5m0 2.2v.8' : 'M8.5 3a5.5 5.5 0 1 0 3.4 9.8l4.1 4.1 1-1-4.1-4.1A5.5 5.5 0 0 0 8.5 3z')
    icon.append(path)

    this.#field = h(
      doc,
      'div',
      { class: `kb-field${match ? ' kb-field-match' : ''}`, part: 'field' },
      icon,
      input,
      h(doc, 'span', { class: 'kb-spinner', 'aria-hidden': 'true' }),
      h(doc, 'kbd', { class: 'kb-key', 'aria-hidden': 'true', title: 'Press / to search' }, '/'),
    )
    this.#state = h(doc, 'div', { class: 'kb-state', part: 'state' })
    this.#list = h(doc, 'ul', { id: 'kb-listbox', role: 'listbox', class: 'kb-list', part: 'results', 'aria-label': 'Articles' })
    this.#footer = h(doc, 'div', { class: 'kb-footer', part: 'footer' })
    this.#articleBody = h(doc, 'div', { class: 'kb-article-body' })
    this.#openLink = h(doc, 'a', { class: 'kb-open', target: '_blank', rel: 'noopener' }, 'Open in a new tab ↗') as HTMLAnchorElement
    const back = h(doc, 'button', { type: 'button', class: 'kb-back' }, '← Back to results')
    back.addEventListener('click', () => this.#closeArticle())
    this.#article = h(
      doc,
      'article',
      { class: 'kb-article', part: 'article', 'aria-labelledby': 'kb-article-title' },
      h(doc, 'div', { class: 'kb-article-bar' }, back, this.#openLink),
      this.#articleBody,
    )
    this.#article.hidden = true
    this.#panel = h(doc, 'div', { class: 'kb-panel', part: 'panel' }, this.#state, this.#list, this.#footer, this.#article)
    this.#panel.hidden = true
    this.#live = h(doc, 'div', { class: 'kb-sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' })
    const hint = h(
      doc,
      'div',
      { id: 'kb-hint', class: 'kb-sr' },
      match
        ? 'Paste an error message, log lines or a stack trace; matching articles appear below. Arrow keys choose, Enter opens, Escape closes.'
        : 'Results appear as you type. Arrow keys choose, Enter opens, Escape closes.',
    )
    const container = h(doc, 'div', { class: 'kb', part: 'container' }, this.#field, this.#panel, this.#live, hint)
    this.#root.append(container)

    input.addEventListener('input', (e) => this.#run((e as InputEvent).inputType === 'insertFromPaste' ? 0 : DEBOUNCE_MS[this.mode]))
    input.addEventListener('keydown', (e) => this.#onInputKey(e as KeyboardEvent))
    input.addEventListener('focus', () => {
      if (this.#view === 'closed' && this.#hits.length && input.value.trim() === this.#lastQuery) this.#show('list')
    })
    container.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#onEscape()) {
        e.preventDefault()
        e.stopPropagation()
      }
    })
    this.#rendered = true
  }

  #labelInput(): void {
    const match = this.mode === 'match'
    this.#input.setAttribute('aria-label', this.getAttribute('label') ?? (match ? 'Paste an error to find matching articles' : 'Search the knowledge base'))
    this.#input.setAttribute(
      'placeholder',
      this.getAttribute('placeholder') ?? (match ? 'Paste an error message, log lines or a stack trace…' : 'Search help articles…'),
    )
  }

  #show(view: View): void {
    this.#view = view
    const list = view === 'list'
    this.#state.hidden = !list || !this.#state.hasChildNodes()
    this.#list.hidden = !list || this.#hits.length === 0
    this.#footer.hidden = !list || !this.#footer.hasChildNodes()
    this.#article.hidden = view !== 'article'
    this.#panel.hidden = view === 'closed' || (list && this.#state.hidden && this.#list.hidden)
    this.#input.setAttribute('aria-expanded', String(!this.#list.hidden))
    this.#reflectActive(false)
  }

  /** A message above the results: loading, error, empty, or a notice. */
  #setState(kind: '' | 'loading' | 'error' | 'empty' | 'notice', ...content: Array<Node | string>): void {
    const parts = content.filter((c) => c !== '')
    this.#state.className = `kb-state${kind ? ` kb-state-${kind}` : ''}`
    this.#state.replaceChildren(...parts)
    this.#state.hidden = this.#view !== 'list' || parts.length === 0
  }

  #announce(text: string): void {
    // Cleared first, so the same words said twice are announced twice.
    this.#live.textContent = ''
    setTimeout(() => {
      this.#live.textContent = text
    }, 50)
  }

  #reset(): void {
    clearTimeout(this.#timer)
    this.#request?.abort()
    this.#field.classList.remove('kb-loading')
    this.#hits = []
    this.#active = -1
    this.#lastQuery = ''
    this.#list.replaceChildren()
    this.#footer.replaceChildren()
    this.#setState('')
    this.#show('closed')
  }

  // ---- querying --------------------------------------------------------------------------------

  #run(delay: number): void {
    clearTimeout(this.#timer)
    const text = this.#input.value.trim()
    if (text.length < MIN_CHARS[this.mode]) {
      this.#reset()
      return
    }
    this.#timer = setTimeout(() => void this.#fetch(text), delay)
  }

  async #fetch(text: string): Promise<void> {
    this.#request?.abort()
    const ctrl = new AbortController()
    this.#request = ctrl
    const mode = this.mode
    this.#field.classList.add('kb-loading')
    this.#list.setAttribute('aria-busy', 'true')
    if (this.#view !== 'article') {
      if (!this.#hits.length) this.#setState('loading', mode === 'match' ? 'Matching your error…' : 'Searching…')
      this.#show('list')
    }
    try {
      const client = this.#client
      const filters = { limit: this.#limit, product: this.#product }
      const res = mode === 'match' ? await client.match(text, filters, ctrl.signal) : await client.search(text, filters, ctrl.signal)
      if (ctrl.signal.aborted) return
      this.#lastQuery = text
      this.#lastResponse = res
      this.#showResults(res, text, client)
      this.dispatchEvent(new CustomEvent('kb-results', { detail: res, bubbles: true, composed: true }))
    } catch (err) {
      if (isAbort(err) || ctrl.signal.aborted) return
      const message = err instanceof KbError ? err.message : 'Something went wrong while searching.'
      this.#hits = []
      this.#list.replaceChildren()
      this.#footer.replaceChildren()
      const retry = h(document, 'button', { type: 'button', class: 'kb-retry' }, 'Try again')
      retry.addEventListener('click', () => this.#run(0))
      this.#setState('error', h(document, 'span', {}, message), ' ', retry)
      if (this.#view !== 'article') this.#show('list')
      this.#announce(`Search failed. ${message}`)
    } finally {
      if (this.#request === ctrl) {
        this.#field.classList.remove('kb-loading')
        this.#list.removeAttribute('aria-busy')
      }
    }
  }

  #showResults(res: SearchResult | MatchResult, text: string, client: KbClient): void {
    const doc = document
    const isMatch = 'noConfidentMatch' in res
    this.#hits = res.results
    this.#queryId = res.queryId
    this.#terms = isMatch ? res.signals.terms : []
    this.#active = -1
    const items = res.results.map((hit, i) => {
      const terms = isMatch ? this.#terms : (hit as SearchHit).matchedTerms
      const li = h(doc, 'li', { id: `kb-opt-${i}`, role: 'option', class: 'kb-result', 'aria-selected': 'false' }, resultBody(doc, hit, terms))
      li.addEventListener('click', () => this.#choose(i))
      li.addEventListener('pointermove', () => {
        if (this.#active !== i) this.#setActive(i, false)
      })
      return li
    })
    this.#list.replaceChildren(...items)
    this.#footer.replaceChildren()

    const n = res.results.length
    let announcement: string
    if (isMatch) {
      if (n === 0) {
        this.#setState('empty', 'Nothing in the knowledge base matches this error. Try pasting more of the log, or different lines.')
        announcement = 'No matching articles.'
      } else if (res.noConfidentMatch) {
        this.#setState(
          'notice',
          h(doc, 'strong', {}, 'No confident match. '),
          `None of the articles clearly fits this error; the closest ${n === 1 ? 'one is' : `${n} are`} below, and may not apply.`,
        )
        announcement = `No confident match; ${n} possible ${n === 1 ? 'article' : 'articles'}.`
      } else {
        this.#setState('')
        announcement = `${n} matching ${n === 1 ? 'article' : 'articles'}. Best match: ${res.results[0]?.title ?? ''}.`
      }
    } else {
      const r = res
      if (n === 0) {
        this.#setState('empty', `No articles found for “${text}”.`)
        announcement = 'No articles found.'
      } else {
        this.#setState(r.notice ? 'notice' : '', r.notice ?? '')
        announcement = `${r.total} ${r.total === 1 ? 'article' : 'articles'} found${r.total > n ? `, showing ${n}` : ''}.`
        if (r.total > n) {
          const all = h(doc, 'a', { href: `${client.base}/?q=${encodeURIComponent(text)}`, target: '_blank', rel: 'noopener' }, `See all ${r.total} results ↗`)
          this.#footer.append(h(doc, 'span', {}, `Showing ${n} of ${r.total}`), all)
        }
      }
    }
    if (n > 0) {
      this.#footer.prepend(h(doc, 'span', { class: 'kb-keys', 'aria-hidden': 'true' }, '↑↓ choose · Enter open · Esc close'))
    }
    if (this.#view !== 'article') this.#show('list')
    this.#announce(announcement)
  }

  // ---- keyboard and selection ------------------------------------------------------------------

  #setActive(i: number, scroll = true): void {
    this.#active = i
    this.#reflectActive(scroll)
  }

  /** Mark the active option (when the list shows) and point the input at it. */
  #reflectActive(scroll: boolean): void {
    for (const el of Array.from(this.#list.querySelectorAll('[aria-selected="true"]'))) el.setAttribute('aria-selected', 'false')
    const el = this.#active >= 0 && !this.#list.hidden ? this.#root.getElementById(`kb-opt-${this.#active}`) : null
    if (el) {
      el.setAttribute('aria-selected', 'true')
      this.#input.setAttribute('aria-activedescendant', el.id)
      if (scroll) el.scrollIntoView({ block: 'nearest' })
    } else {
      this.#input.removeAttribute('aria-activedescendant')
    }
  }

  #onInputKey(e: KeyboardEvent): void {
    const n = this.#hits.length
    const input = this.#input
    const multiline = input instanceof HTMLTextAreaElement
    switch (e.key) {
      case 'ArrowDown': {
        if (!n || this.#view === 'article') return
        // In a textarea the arrow moves the caret until it is on the last line.
        if (multiline && this.#active < 0 && input.value.slice(input.selectionEnd ?? 0).includes('\n')) return
        e.preventDefault()
        if (this.#view !== 'list') this.#show('list')
        this.#setActive(this.#active < 0 ? 0 : (this.#active + 1) % n)
        break
      }
      case 'ArrowUp': {
        if (!n || this.#view !== 'list') return
        if (multiline && this.#active < 0) return
        e.preventDefault()
        this.#setActive(this.#active <= 0 ? (multiline ? -1 : n - 1) : this.#active - 1)
        break
      }
      case 'Enter': {
        if (e.isComposing) return
        if (this.#view === 'list' && this.#active >= 0) {
          e.preventDefault()
          this.#choose(this.#active)
        } else if (!multiline || e.ctrlKey || e.metaKey) {
          e.preventDefault()
          this.#run(0)
        }
        break
      }
      case 'Home':
      case 'End':
        if (this.#active >= 0 && !multiline) this.#setActive(-1)
        break
    }
  }

  /** Escape, anywhere in the widget: close the article, else the results, else clear the input. */
  #onEscape(): boolean {
    if (this.#view === 'article') {
      this.#closeArticle()
      return true
    }
    if (this.#view === 'list') {
      this.#show('closed')
      this.#input.focus()
      return true
    }
    if (this.#input.value) {
      this.clear()
      return true
    }
    return false
  }

  #onShortcut = (e: KeyboardEvent): void => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || !this.isConnected) return
    const t = e.composedPath()[0]
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return
    if (t instanceof HTMLElement && t.isContentEditable) return
    if (this.getClientRects().length === 0) return
    e.preventDefault()
    this.#input.focus()
  }

  #choose(i: number): void {
    const hit = this.#hits[i]
    if (!hit) return
    this.#setActive(i, false)
    const queryId = this.#queryId
    // A click-through whatever the host page does with it; a lost report is not the visitor's concern.
    this.#client.open({ ...(queryId ? { queryId } : {}), articleId: hit.id, position: i + 1, source: 'widget' }).catch(() => undefined)
    const go = this.dispatchEvent(new CustomEvent('kb-select', { detail: { id: hit.id, title: hit.title }, bubbles: true, composed: true, cancelable: true }))
    if (go) void this.#openArticle(hit.id, hit.title, queryId)
  }

  // ---- article ---------------------------------------------------------------------------------

  async #openArticle(id: string, title: string, queryId: string | undefined): Promise<void> {
    this.#articleRequest?.abort()
    const ctrl = new AbortController()
    this.#articleRequest = ctrl
    const client = this.#client
    this.#openLink.href = client.articleUrl(id)
    this.#articleBody.replaceChildren(h(document, 'p', { class: 'kb-state kb-state-loading' }, `Loading “${title}”…`))
    this.#show('article')
    this.#panel.scrollTop = 0
    let article: Article
    try {
      article = await client.article(id, ctrl.signal)
    } catch (err) {
      if (isAbort(err) || ctrl.signal.aborted) return
      const message = err instanceof KbError ? err.message : 'The article could not be loaded.'
      this.#articleBody.replaceChildren(h(document, 'p', { class: 'kb-state kb-state-error', role: 'alert' }, message))
      return
    }
    if (ctrl.signal.aborted || this.#view !== 'article') return
    this.#articleBody.replaceChildren(articleView(document, article, { level: 3, base: client.base, titleId: 'kb-article-title' }))
    if (queryId) {
      const key = `${queryId} ${id}`
      const send = async (verdict: Verdict) => {
        await client.feedback({ queryId, articleId: id, verdict })
        this.#answered.set(key, verdict)
        this.dispatchEvent(new CustomEvent('kb-feedback', { detail: { id, verdict }, bubbles: true, composed: true }))
      }
      this.#articleBody.append(feedbackBox(document, { idPrefix: 'kb-', send, answered: this.#answered.get(key) }))
    }
    this.#root.getElementById('kb-article-title')?.focus({ preventScroll: true })
  }

  #closeArticle(): void {
    this.#articleRequest?.abort()
    this.#articleBody.replaceChildren()
    this.#show('list')
    this.#input.focus()
    const el = this.#active >= 0 ? this.#root.getElementById(`kb-opt-${this.#active}`) : null
    el?.scrollIntoView({ block: 'nearest' })
  }
}

if (!customElements.get('kb-search')) customElements.define('kb-search', KbSearchElement)

declare global {
  interface HTMLElementTagNameMap {
    'kb-search': KbSearchElement
  }
}

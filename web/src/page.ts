/**
 * The hosted search page, served at `/` and at `/articles/<id>` (the same HTML; this script reads
 * the path). Search as you type (the query goes in `?q=`, so the back button and a shared link
 * bring the results back), paste an error to match it, open an article with a real link that
 * the history API turns into an in-page view. Opens are reported, and an article opened from
 * results asks "Did this solve it?", both with the answer's queryId (kept in the history entry,
 * so back and forward keep it). No inline script: the page's CSP forbids it.
 */
import { type Article, KbClient, KbError, isAbort, type MatchResult, type SearchResult, type Verdict } from './lib/api.js'
import { feedbackBox } from './lib/feedback.js'
import { articleView, h, resultBody } from './lib/render.js'

const api = new KbClient('')
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

const finder = $('finder')
const searchForm = $<HTMLFormElement>('search-form')
const q = $<HTMLInputElement>('q')
const matchForm = $<HTMLFormElement>('match-form')
const paste = $<HTMLTextAreaElement>('paste')
const resultsView = $('results-view')
const resultsHeading = $('results-heading')
const resultsState = $('results-state')
const results = $('results')
const articleViewEl = $('article-view')
const articleEl = $('article')
const back = $<HTMLAnchorElement>('back')
const live = $('live')

const TITLE = 'Knowledge base'
let request: AbortController | undefined
let timer: ReturnType<typeof setTimeout> | undefined
/** True once the visitor opened an article from results in this page, so "back" can return to them. */
let fromResults = false
/** What the results list shows now: `search:<query>` or `match`, so going back reuses it. */
let shown: string | undefined
/** Verdicts already given, by `queryId articleId`: coming back to the article thanks rather than asks again. */
const answered = new Map<string, Verdict>()

/** What the history entry of an article opened from results keeps. */
interface ArticleState {
  article: string
  queryId?: string
  /** The answer given, so a reload thanks rather than asks again. */
  verdict?: Verdict
}

function announce(text: string): void {
  live.textContent = ''
  setTimeout(() => {
    live.textContent = text
  }, 50)
}

function setState(kind: '' | 'loading' | 'error' | 'notice' | 'empty', ...content: Array<Node | string>): void {
  resultsState.className = `state${kind ? ` state-${kind}` : ''}`
  resultsState.replaceChildren(...content)
  resultsState.hidden = content.length === 0
}

function showResultsView(): void {
  finder.hidden = false
  articleViewEl.hidden = true
  resultsView.hidden = false
  document.title = TITLE
}

function articleLink(id: string): string {
  return `/articles/${encodeURIComponent(id)}`
}

function renderHits(res: SearchResult | MatchResult): void {
  const isMatch = 'noConfidentMatch' in res
  const queryId = res.queryId
  results.replaceChildren(
    ...res.results.map((hit, i) => {
      const terms = isMatch ? res.signals.terms : (hit as SearchResult['results'][number]).matchedTerms
      const a = h(document, 'a', { href: articleLink(hit.id), class: 'result' }, resultBody(document, hit, terms))
      const report = () => api.open({ ...(queryId ? { queryId } : {}), articleId: hit.id, position: i + 1, source: 'page' }).catch(() => undefined)
      // A middle click opens a new tab: still a click-through.
      a.addEventListener('auxclick', (e) => {
        if (e.button === 1) void report()
      })
      a.addEventListener('click', (e) => {
        void report()
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        fromResults = true
        const state: ArticleState = { article: hit.id, ...(queryId ? { queryId } : {}) }
        history.pushState(state, '', articleLink(hit.id))
        void route()
      })
      return h(document, 'li', {}, a)
    }),
  )
}

/** After an explicit submit, bring the results into view (on a phone they start below the forms). */
function revealResults(): void {
  const top = resultsView.getBoundingClientRect().top
  if (top > window.innerHeight * 0.6) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    resultsView.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' })
  }
}

async function run(kind: 'search' | 'match', text: string, reveal = false): Promise<void> {
  request?.abort()
  const ctrl = new AbortController()
  request = ctrl
  showResultsView()
  resultsHeading.textContent = kind === 'search' ? `Results for “${text}”` : 'Articles matching your error'
  results.setAttribute('aria-busy', 'true')
  setState('loading', kind === 'search' ? 'Searching…' : 'Matching your error…')
  try {
    const res = kind === 'search' ? await api.search(text, { limit: 20 }) : await api.match(text, { limit: 10 })
    if (ctrl.signal.aborted) return
    renderHits(res)
    shown = kind === 'search' ? `search:${text}` : 'match'
    if (reveal) requestAnimationFrame(revealResults)
    const n = res.results.length
    if ('noConfidentMatch' in res) {
      if (n === 0) setState('empty', 'Nothing in the knowledge base matches this error. Try pasting more of the log, or other lines of it.')
      else if (res.noConfidentMatch) {
        setState(
          'notice',
          h(document, 'strong', {}, 'No confident match. '),
          'None of these articles clearly fits your error; they are the closest, and may not apply.',
        )
      } else setState('')
      announce(n === 0 ? 'No matching articles.' : res.noConfidentMatch ? `No confident match; ${n} possible articles.` : `${n} matching articles.`)
    } else {
      if (n === 0) setState('empty', `No articles found for “${text}”. Try fewer words, or paste the full error below.`)
      else setState(res.notice ? 'notice' : '', ...(res.notice ? [res.notice] : []), ...(res.total > n ? [` Showing ${n} of ${res.total}.`] : []))
      announce(`${res.total} ${res.total === 1 ? 'article' : 'articles'} found.`)
    }
  } catch (err) {
    if (isAbort(err) || ctrl.signal.aborted) return
    shown = undefined
    results.replaceChildren()
    setState('error', err instanceof KbError ? err.message : 'Something went wrong.')
    announce('The search failed.')
  } finally {
    if (request === ctrl) results.removeAttribute('aria-busy')
  }
}

async function showArticle(id: string): Promise<void> {
  request?.abort()
  finder.hidden = true
  resultsView.hidden = true
  articleViewEl.hidden = false
  back.textContent = fromResults ? '← Back to results' : '← Search the knowledge base'
  articleEl.replaceChildren(h(document, 'p', { class: 'state state-loading' }, 'Loading the article…'))
  window.scrollTo(0, 0)
  let article: Article
  try {
    article = await api.article(id)
  } catch (err) {
    const message = err instanceof KbError && err.status === 404 ? `There is no article “${id}”. It may have been renamed or removed.` : (err as Error).message
    articleEl.replaceChildren(h(document, 'h1', { tabindex: '-1' }, 'Article not found'), h(document, 'p', { class: 'state state-error' }, message))
    document.title = `Not found · ${TITLE}`
    return
  }
  if (location.pathname !== articleLink(id)) return
  articleEl.replaceChildren(articleView(document, article, { level: 1, base: '', titleId: 'article-title' }))
  const state = history.state as Partial<ArticleState> | null
  const queryId = state?.article === id ? state.queryId : undefined
  if (queryId) {
    const key = `${queryId} ${id}`
    const send = async (verdict: Verdict) => {
      await api.feedback({ queryId, articleId: id, verdict })
      answered.set(key, verdict)
      if ((history.state as Partial<ArticleState> | null)?.article === id) history.replaceState({ ...history.state, verdict }, '')
    }
    articleEl.append(feedbackBox(document, { idPrefix: '', send, answered: answered.get(key) ?? state?.verdict }))
  }
  document.title = `${article.title} · ${TITLE}`
  document.getElementById('article-title')?.focus({ preventScroll: true })
}

/** Show what the URL says: an article, or the search for `?q=`, or the empty finder. */
async function route(): Promise<void> {
  const m = /^\/articles\/([^/]+)\/?$/.exec(location.pathname)
  if (m?.[1]) {
    await showArticle(decodeURIComponent(m[1]))
    return
  }
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? ''
  q.value = query
  articleViewEl.hidden = true
  finder.hidden = false
  document.title = TITLE
  if (shown !== undefined && shown === (query ? `search:${query}` : 'match')) showResultsView()
  else if (query) await run('search', query)
  else resultsView.hidden = true
}

function searchNow(reveal = false): void {
  clearTimeout(timer)
  const text = q.value.trim()
  const url = text ? `/?q=${encodeURIComponent(text)}` : '/'
  if (location.pathname + location.search !== url) history.replaceState(null, '', url)
  if (text) void run('search', text, reveal)
  else {
    request?.abort()
    shown = undefined
    resultsView.hidden = true
  }
}

q.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(searchNow, 250)
})
searchForm.addEventListener('submit', (e) => {
  e.preventDefault()
  searchNow(true)
})
matchForm.addEventListener('submit', (e) => {
  e.preventDefault()
  const text = paste.value.trim()
  if (!text) {
    paste.focus()
    return
  }
  // The paste is not put in the URL (too long, maybe private); the search query leaves it.
  q.value = ''
  if (location.pathname + location.search !== '/') history.replaceState(null, '', '/')
  void run('match', text, true)
})
paste.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault()
    matchForm.requestSubmit()
  }
})
back.addEventListener('click', (e) => {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return
  e.preventDefault()
  if (fromResults) history.back()
  else {
    history.pushState(null, '', '/')
    void route()
  }
})
window.addEventListener('popstate', () => void route())
document.addEventListener('keydown', (e) => {
  const t = e.target
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable)) return
  if (finder.hidden) return
  e.preventDefault()
  q.focus()
})

/** What `kb dev` sends on /dev/events (src/http/routes/web.ts). */
interface DevStatus {
  buildId: string
  articles: number
  problems: Array<{ line: string; severity: 'error' | 'warning' }>
}

/** The most problem lines the dev banner lists; the rest are counted (the terminal has them all). */
const DEV_BANNER_LINES = 30

/** The dev banner: the lint problems of the build served, or nothing when there are none. */
function showDevProblems(status: DevStatus): void {
  document.getElementById('kb-dev-banner')?.remove()
  if (status.problems.length === 0) return
  const errors = status.problems.filter((p) => p.severity === 'error').length
  const shown = status.problems.slice(0, DEV_BANNER_LINES)
  const more = status.problems.length - shown.length
  const banner = h(
    document,
    'section',
    { id: 'kb-dev-banner', role: 'status', 'aria-label': 'kb dev: lint problems' },
    h(document, 'strong', {}, `kb dev: ${errors} errors, ${status.problems.length - errors} warnings (articles with errors are left out)`),
    h(document, 'ul', {}, ...shown.map((p) => h(document, 'li', { class: `dev-${p.severity}` }, p.line))),
    more > 0 ? h(document, 'p', {}, `and ${more} more: see the terminal`) : null,
  )
  // The page's stylesheet knows nothing of dev mode; CSSOM styles are allowed under the CSP, style attributes are not.
  Object.assign(banner.style, {
    background: '#fff4e5',
    color: '#5a3200',
    borderBottom: '2px solid #e08a00',
    padding: '0.5rem 1rem',
    font: '13px/1.4 monospace',
  })
  document.body.prepend(banner)
}

/** In `kb dev` (the server marks the page): show its lint problems and reload when a new build is served. */
function followDevBuilds(url: string, served: string): void {
  const events = new EventSource(url)
  events.addEventListener('message', (e: MessageEvent<string>) => {
    const status = JSON.parse(e.data) as DevStatus
    // Any other build than the one the page came with, even in the first message (it changed while the page loaded).
    if (status.buildId !== served) {
      events.close()
      location.reload()
      return
    }
    showDevProblems(status)
  })
}

const devMeta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content
const devEvents = devMeta('kb-dev')
if (devEvents) followDevBuilds(devEvents, devMeta('kb-dev-build') ?? '')

void route()

/**
 * The insights dashboard at `/insights` (issue 17, the KCS "evolve" loop): the daily questions,
 * match and confident rates as SVG charts with a table fallback, the knowledge gaps with a "Draft
 * an article" action, the per-article figures in a table sortable by every column, and the top
 * and unanswered questions. It asks for the admin token once and keeps it in sessionStorage, so
 * it lasts as long as the tab and is sent only to this origin. Everything from the API goes in as
 * text; no inline script or style (the page's CSP forbids both).
 */
import { KbError, isAbort } from './lib/api.js'
import { type ChartSpec, chart, chartTable, legend } from './lib/chart.js'
import { type ArticleRow, type Day, type Gap, InsightsClient, type Searches } from './lib/insights-api.js'
import { h } from './lib/render.js'

const TOKEN_KEY = 'kb-insights-token'
const SINCE_KEY = 'kb-insights-since'
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

const login = $('login')
const loginForm = $<HTMLFormElement>('login-form')
const tokenInput = $<HTMLInputElement>('token')
const loginError = $('login-error')
const dashboard = $('dashboard')
const sinceSelect = $<HTMLSelectElement>('since')
const statusEl = $('status')
const summary = $('summary')
const activityBox = $('activity-chart')
const ratesBox = $('rates-chart')
const gapsList = $('gaps')
const articlesTable = $<HTMLTableElement>('articles-table')
const topTable = $<HTMLTableElement>('top-queries')
const noResultTable = $<HTMLTableElement>('no-result-queries')

let client: InsightsClient | undefined
let request: AbortController | undefined
let charts: ChartSpec[] = []

const int = new Intl.NumberFormat('en')
const pct = (v: number) => `${Math.round(v * 100)}%`
const num = (v: number | null, f: (v: number) => string = (x) => int.format(x)) => (v === null ? '–' : f(v))

// ---- token and states ------------------------------------------------------------------------

function storage(): Storage | undefined {
  try {
    return window.sessionStorage
  } catch {
    return undefined
  }
}

function showLogin(message = ''): void {
  request?.abort()
  client = undefined
  dashboard.hidden = true
  login.hidden = false
  loginError.textContent = message
  loginError.hidden = !message
  tokenInput.value = ''
  tokenInput.focus()
}

function signOut(message = ''): void {
  storage()?.removeItem(TOKEN_KEY)
  showLogin(message)
}

function setStatus(kind: '' | 'loading' | 'error', text: string): void {
  statusEl.className = `state${kind ? ` state-${kind}` : ''}`
  statusEl.textContent = text
  statusEl.hidden = !text
}

/** What a failed read means for the visitor: a wrong token signs out; insights or events off is said as the server says it. */
function failed(err: unknown): void {
  if (isAbort(err)) return
  const e = err instanceof KbError ? err : new KbError('Something went wrong.')
  if (e.status === 401) signOut('That token was not accepted. Check KB_ADMIN_TOKEN on the server and try again.')
  else if (e.code === 'KB_INSIGHTS_OFF' || e.code === 'KB_EVENTS_OFF') signOut(e.message)
  else setStatus('error', `Insights could not be read: ${e.message}`)
}

// ---- loading ---------------------------------------------------------------------------------

async function load(): Promise<void> {
  if (!client) return
  request?.abort()
  const ctrl = new AbortController()
  request = ctrl
  const since = sinceSelect.value
  setStatus('loading', 'Loading…')
  dashboard.setAttribute('aria-busy', 'true')
  try {
    const [searches, gaps, articles] = await Promise.all([
      client.searches(since, ctrl.signal),
      client.gaps(since, ctrl.signal),
      client.articles(since, ctrl.signal),
    ])
    if (ctrl.signal.aborted) return
    login.hidden = true
    dashboard.hidden = false
    renderSummary(searches, gaps.gaps, articles.articles)
    renderCharts(searches.daily)
    // `total` (gaps found, of which the largest are listed) is newer than the first insights API: optional.
    renderGaps(gaps.gaps, since, (gaps as { total?: number }).total ?? gaps.gaps.length)
    rows = articles.articles
    renderArticles()
    renderQueries(topTable, searches.top, 'No questions in this period.')
    renderQueries(noResultTable, searches.noResult, 'Every question found something.')
    const n = searches.total
    setStatus('', `${int.format(n)} ${n === 1 ? 'question' : 'questions'} since ${new Date(searches.window.since).toLocaleString()}.`)
  } catch (err) {
    if (!ctrl.signal.aborted) failed(err)
  } finally {
    if (request === ctrl) dashboard.removeAttribute('aria-busy')
  }
}

function start(token: string): void {
  client = new InsightsClient(token)
  login.hidden = true
  dashboard.hidden = false
  void load()
}

// ---- summary and charts ----------------------------------------------------------------------

function renderSummary(s: Searches, gaps: readonly Gap[], articles: readonly ArticleRow[]): void {
  const sum = (f: (a: ArticleRow) => number) => articles.reduce((t, a) => t + f(a), 0)
  const noResult = s.daily.reduce((t, d) => t + d.noResult, 0)
  const verdicts = sum((a) => a.solved + a.notRelated + a.relatedNotSolved)
  const figures: Array<[string, string]> = [
    ['Questions', int.format(s.total)],
    ['With no result', int.format(noResult)],
    ['Knowledge gaps', int.format(gaps.length)],
    ['Articles opened', int.format(sum((a) => a.opens))],
    ['Solved', verdicts ? `${int.format(sum((a) => a.solved))} of ${int.format(verdicts)}` : '–'],
    ['Attached to tickets', int.format(sum((a) => a.uses))],
  ]
  summary.replaceChildren(...figures.map(([k, v]) => h(document, 'div', { class: 'figure' }, h(document, 'dt', {}, k), h(document, 'dd', {}, v))))
}

function renderCharts(daily: readonly Day[]): void {
  const days = daily.map((d) => d.day)
  charts = [
    {
      id: 'activity',
      title: 'Questions per day',
      description: `Searches and pasted errors (matches) per day, from ${days[0] ?? ''} to ${days.at(-1) ?? ''}.`,
      kind: 'bars',
      days,
      series: [
        { name: 'Searches', values: daily.map((d) => d.searches) },
        { name: 'Matches', values: daily.map((d) => d.matches) },
      ],
      format: (v) => int.format(Math.round(v)),
    },
    {
      id: 'rates',
      title: 'Match rate and confident rate per day',
      description: 'Match rate: questions with at least one result. Confident rate: pasted errors matched with confidence. No point on a day with no question.',
      kind: 'lines',
      days,
      max: 1,
      series: [
        { name: 'Match rate', values: daily.map((d) => d.matchRate) },
        { name: 'Confident rate', values: daily.map((d) => d.confidentRate) },
      ],
      format: pct,
    },
  ]
  drawCharts()
}

/** Draw the charts at their boxes' width (again on resize), each with its legend and its table. */
function drawCharts(): void {
  const boxes = [activityBox, ratesBox]
  charts.forEach((spec, i) => {
    const box = boxes[i]!
    const open = box.querySelector('details')?.open ?? false
    const details = h(
      document,
      'details',
      { class: 'chart-data' },
      h(document, 'summary', {}, 'Show as a table'),
      tableScroll(chartTable(document, spec), spec.title),
    )
    if (open) details.setAttribute('open', '')
    box.replaceChildren(legend(document, spec), chart(document, spec, box.clientWidth || 600), details)
  })
}

function tableScroll(table: HTMLElement, label: string): HTMLElement {
  return h(document, 'div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, table)
}

// ---- gaps and drafts -------------------------------------------------------------------------

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function renderGaps(gaps: readonly Gap[], since: string, total: number): void {
  if (!gaps.length) {
    gapsList.replaceChildren(h(document, 'li', { class: 'state' }, 'No gaps in this period: every question found a confident answer that nobody rejected.'))
    return
  }
  gapsList.replaceChildren(...gaps.map((g) => gapItem(g, since)))
  if (total > gaps.length) gapsList.append(h(document, 'li', { class: 'state' }, `The ${int.format(gaps.length)} largest of ${int.format(total)} gaps.`))
}

function gapItem(g: Gap, since: string): HTMLElement {
  const facts = [
    `${int.format(g.count)} ${g.count === 1 ? 'question' : 'questions'}`,
    g.rejected ? `${int.format(g.rejected)} rejected` : '',
    `first ${when(g.firstSeen)}`,
    `last ${when(g.lastSeen)}`,
  ].filter(Boolean)
  const tags = [...g.codes.map((c) => h(document, 'span', { class: 'tag tag-code' }, c)), ...g.products.map((p) => h(document, 'span', { class: 'tag' }, p))]
  const panelId = `draft-${g.id}`
  const button = h(
    document,
    'button',
    { type: 'button', class: 'secondary draft-button', 'aria-expanded': 'false', 'aria-controls': panelId },
    'Draft an article',
  )
  const panel = h(document, 'div', { id: panelId, class: 'draft', hidden: '' })
  button.addEventListener('click', () => void toggleDraft(g, since, button, panel))
  return h(
    document,
    'li',
    { class: 'gap', 'data-gap': g.id },
    h(
      document,
      'div',
      { class: 'gap-head' },
      h(document, 'code', { class: 'gap-template' }, g.template),
      h(document, 'span', { class: 'gap-count' }, int.format(g.count)),
    ),
    h(document, 'p', { class: 'gap-facts' }, facts.join(' · ')),
    tags.length ? h(document, 'p', { class: 'tags' }, ...tags) : null,
    g.example !== g.template ? h(document, 'p', { class: 'gap-example' }, h(document, 'span', { class: 'gap-label' }, 'Latest: '), g.example) : null,
    h(document, 'div', { class: 'gap-actions' }, button),
    panel,
  )
}

async function toggleDraft(g: Gap, since: string, button: HTMLElement, panel: HTMLElement): Promise<void> {
  if (button.getAttribute('aria-expanded') === 'true') {
    button.setAttribute('aria-expanded', 'false')
    panel.hidden = true
    return
  }
  button.setAttribute('aria-expanded', 'true')
  panel.hidden = false
  if (panel.dataset.loaded) return
  panel.replaceChildren(h(document, 'p', { class: 'state state-loading' }, 'Drafting…'))
  try {
    const d = await client!.draft(g.id, since)
    const file = d.path.split('/').pop() ?? 'draft.md'
    const url = URL.createObjectURL(new Blob([d.markdown], { type: 'text/markdown;charset=utf-8' }))
    const copy = h(document, 'button', { type: 'button', class: 'secondary' }, 'Copy')
    const pre = h(document, 'pre', { class: 'draft-markdown', tabindex: '0', 'aria-label': `Draft of ${d.path}` }, d.markdown)
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(d.markdown)
        copy.textContent = 'Copied'
      } catch {
        // No clipboard (a plain-http origin): select the text for Ctrl+C instead.
        window.getSelection()?.selectAllChildren(pre)
      }
    })
    panel.dataset.loaded = '1'
    panel.replaceChildren(
      h(
        document,
        'div',
        { class: 'draft-bar' },
        h(document, 'span', {}, 'Save as ', h(document, 'code', {}, d.path), ', then write its cause and resolution.'),
        h(document, 'span', { class: 'draft-actions' }, h(document, 'a', { class: 'button-link', href: url, download: file }, `Download ${file}`), copy),
      ),
      pre,
    )
  } catch (err) {
    panel.replaceChildren(h(document, 'p', { class: 'state state-error' }, err instanceof KbError ? err.message : 'The draft could not be made.'))
    if (err instanceof KbError && err.status === 401) failed(err)
  }
}

// ---- the article table -----------------------------------------------------------------------

interface Column {
  key: string
  label: string
  /** The sort key; null sorts last in either direction. */
  value: (a: ArticleRow) => number | string | null
  cell: (a: ArticleRow) => Node | string
  numeric?: boolean
}

const flags = (a: ArticleRow) => [a.oftenRejected ? 'Often rejected' : '', a.neverFound ? 'Never found' : '', a.inKb ? '' : 'Not in the KB'].filter(Boolean)
const COLUMNS: Column[] = [
  {
    key: 'title',
    label: 'Article',
    value: (a) => (a.title ?? a.id).toLowerCase(),
    cell: (a) => (a.inKb ? h(document, 'a', { href: `/articles/${encodeURIComponent(a.id)}` }, a.title ?? a.id) : (a.title ?? a.id)),
  },
  { key: 'impressions', label: 'Shown', numeric: true, value: (a) => a.impressions, cell: (a) => int.format(a.impressions) },
  { key: 'opens', label: 'Opens', numeric: true, value: (a) => a.opens, cell: (a) => int.format(a.opens) },
  { key: 'ctr', label: 'CTR', numeric: true, value: (a) => a.ctr, cell: (a) => num(a.ctr, pct) },
  { key: 'meanPosition', label: 'Mean position', numeric: true, value: (a) => a.meanPosition, cell: (a) => num(a.meanPosition, (v) => v.toFixed(1)) },
  { key: 'solved', label: 'Solved', numeric: true, value: (a) => a.solved, cell: (a) => int.format(a.solved) },
  { key: 'notRelated', label: 'Not related', numeric: true, value: (a) => a.notRelated, cell: (a) => int.format(a.notRelated) },
  { key: 'relatedNotSolved', label: 'Not solved', numeric: true, value: (a) => a.relatedNotSolved, cell: (a) => int.format(a.relatedNotSolved) },
  { key: 'helpfulRatio', label: 'Helpful', numeric: true, value: (a) => a.helpfulRatio, cell: (a) => num(a.helpfulRatio, pct) },
  { key: 'uses', label: 'Uses', numeric: true, value: (a) => a.uses, cell: (a) => int.format(a.uses) },
  {
    key: 'flags',
    label: 'Flags',
    value: (a) => flags(a).join(', ') || null,
    cell: (a) => {
      const f = flags(a)
      return f.length ? h(document, 'span', { class: 'tags' }, ...f.map((t) => h(document, 'span', { class: 'tag tag-flag' }, t))) : ''
    },
  },
]

let rows: ArticleRow[] = []
let sort: { key: string; dir: 'ascending' | 'descending' } = { key: 'impressions', dir: 'descending' }

/** Rows in the chosen order (nulls last either way; ties by title, so the order is stable). */
function sortRows(list: readonly ArticleRow[], col: Column, dir: 'ascending' | 'descending'): ArticleRow[] {
  const sign = dir === 'ascending' ? 1 : -1
  const title = COLUMNS[0]!.value
  return [...list].sort((a, b) => {
    const va = col.value(a)
    const vb = col.value(b)
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))
    return c !== 0 ? sign * c : String(title(a)).localeCompare(String(title(b)))
  })
}

function renderArticles(focusKey?: string): void {
  const col = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[1]!
  const head = h(
    document,
    'tr',
    {},
    ...COLUMNS.map((c) => {
      const sorted = c.key === sort.key
      const button = h(
        document,
        'button',
        { type: 'button', class: 'sort', 'data-key': c.key },
        c.label,
        h(document, 'span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'),
      )
      button.addEventListener('click', () => {
        // A number is most interesting largest first; a name, A to Z.
        const first = c.numeric ? 'descending' : 'ascending'
        sort = { key: c.key, dir: sort.key === c.key ? (sort.dir === 'ascending' ? 'descending' : 'ascending') : first }
        renderArticles(c.key)
      })
      return h(document, 'th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': sorted ? sort.dir : undefined }, button)
    }),
  )
  const body = sortRows(rows, col, sort.dir).map((a) =>
    h(
      document,
      'tr',
      { 'data-article': a.id, class: a.oftenRejected ? 'flagged' : undefined },
      ...COLUMNS.map((c, i) => h(document, i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : undefined, class: c.numeric ? 'num' : undefined }, c.cell(a))),
    ),
  )
  if (!body.length) body.push(h(document, 'tr', {}, h(document, 'td', { colspan: String(COLUMNS.length), class: 'state' }, 'No articles.')))
  articlesTable.replaceChildren(
    h(document, 'caption', { class: 'sr' }, `Articles, sorted by ${col.label.toLowerCase()}, ${sort.dir}`),
    h(document, 'thead', {}, head),
    h(document, 'tbody', {}, ...body),
  )
  if (focusKey) articlesTable.querySelector<HTMLElement>(`button[data-key="${focusKey}"]`)?.focus()
}

// ---- questions -------------------------------------------------------------------------------

function renderQueries(table: HTMLTableElement, list: Searches['top'], empty: string): void {
  const head = h(
    document,
    'tr',
    {},
    h(document, 'th', { scope: 'col' }, 'Question'),
    h(document, 'th', { scope: 'col' }, 'Kind'),
    h(document, 'th', { scope: 'col', class: 'num' }, 'Asked'),
    h(document, 'th', { scope: 'col', class: 'num' }, 'No result'),
  )
  const body = list.map((q) =>
    h(
      document,
      'tr',
      {},
      h(document, 'td', { class: 'question' }, q.text),
      h(document, 'td', {}, q.kind === 'match' ? 'Pasted error' : 'Search'),
      h(document, 'td', { class: 'num' }, int.format(q.count)),
      h(document, 'td', { class: 'num' }, int.format(q.noResult)),
    ),
  )
  if (!body.length) body.push(h(document, 'tr', {}, h(document, 'td', { colspan: '4', class: 'state' }, empty)))
  table.replaceChildren(h(document, 'thead', {}, head), h(document, 'tbody', {}, ...body))
}

// ---- wiring ----------------------------------------------------------------------------------

loginForm.addEventListener('submit', (e) => {
  e.preventDefault()
  const token = tokenInput.value.trim()
  if (!token) return
  storage()?.setItem(TOKEN_KEY, token)
  loginError.hidden = true
  start(token)
})
sinceSelect.addEventListener('change', () => {
  storage()?.setItem(SINCE_KEY, sinceSelect.value)
  void load()
})
$('refresh').addEventListener('click', () => void load())
$('sign-out').addEventListener('click', () => signOut())
let resizeTimer: ReturnType<typeof setTimeout> | undefined
let lastWidth = window.innerWidth
window.addEventListener('resize', () => {
  if (window.innerWidth === lastWidth) return
  lastWidth = window.innerWidth
  clearTimeout(resizeTimer)
  resizeTimer = setTimeout(drawCharts, 150)
})

const savedSince = storage()?.getItem(SINCE_KEY)
if (savedSince && Array.from(sinceSelect.options).some((o) => o.value === savedSince)) sinceSelect.value = savedSince
const saved = storage()?.getItem(TOKEN_KEY)
if (saved) start(saved)
else showLogin()

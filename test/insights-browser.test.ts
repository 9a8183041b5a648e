/**
 * The KCS loop end to end, in headless Chromium (Debian's package, driven by playwright-core): a
 * `kb serve` process with events on (PGlite in a temp KB_DATA_DIR), an admin token and a portal on
 * another origin embedding the widget. A paste the KB cannot answer shows up among the gaps on
 * /insights, with a draft; an article opened from the widget and answered "Yes" changes that
 * article's row; the hosted page asks too. The dashboard on a desktop and on a phone: token kept
 * for the tab, charts with their tables, a table sortable by keyboard. Screenshots go to
 * test-artifacts/ (KB_UPDATE_SCREENSHOTS=1 also refreshes docs/screenshots/insights.png).
 */
import assert from 'node:assert/strict'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { writeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { assertChromium, launchChromium, portalTemplate, type Running, startSite } from './browser/servers.js'
import { ARTICLES, REPO } from './helpers/kb.js'
import { serve, type ServerProcess, waitFor } from './helpers/server.js'

const ARTIFACTS = path.join(REPO, 'test-artifacts')
const IIS6 = 'iis6-connections-refused-nonpaged-pool'
const TOKEN = 'insights-e2e-4f1c9a0b7d2e'
/** Nothing in the bundled KB is about this product: the match answers noConfidentMatch. */
const UNANSWERED = 'FluxCapacitor sync failed: quota exceeded for tenant 4411 (retry in 30s)'
const WAIT = 10_000
const TEST = { timeout: 90_000 }

let browser: Browser
let kb: ServerProcess
let kbOrigin: string
let portal: Running
let tmp: string
const closers: Array<() => Promise<unknown>> = []

before(async () => {
  assertChromium()
  await mkdir(ARTIFACTS, { recursive: true })
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kb-insights-e2e-'))
  closers.push(() => rm(tmp, { recursive: true, force: true }))
  const index = path.join(tmp, 'kb.json')
  await writeArtifact(index, (await buildFromFolder(ARTICLES)).bytes)
  const html = await portalTemplate()
  portal = await startSite({ '/': () => html(kbOrigin) })
  closers.unshift(() => portal.close())
  kb = await serve(index, 'warn', {
    KB_EVENTS: '1',
    KB_DATA_DIR: path.join(tmp, 'data'),
    KB_ADMIN_TOKEN: TOKEN,
    KB_CORS_ORIGINS: portal.origin,
    KB_QUERY_WORKERS: '1',
  })
  closers.unshift(async () => {
    kb.proc.kill('SIGTERM')
    await Promise.race([kb.exited, new Promise((r) => setTimeout(r, 5000))])
    kb.proc.kill('SIGKILL')
  })
  kbOrigin = `http://127.0.0.1:${kb.port}`
  // Ready, and the events database open (insights answer 503 until it is).
  await waitFor(async () => ((await insights('searches')).ok ? true : undefined), 30_000)
  browser = await launchChromium()
  closers.unshift(() => browser.close())
})

after(async () => {
  for (const close of closers) await close().catch(() => undefined)
})

/** A question asked through the API, as a portal's back end would. */
async function ask(kind: 'search' | 'match', text: string): Promise<void> {
  const res =
    kind === 'search'
      ? await fetch(`${kbOrigin}/api/search?q=${encodeURIComponent(text)}`)
      : await fetch(`${kbOrigin}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
  assert.equal(res.status, 200)
  await res.arrayBuffer()
}

function insights(what: string, token = TOKEN): Promise<Response> {
  return fetch(`${kbOrigin}/api/insights/${what}${what.includes('?') ? '&' : '?'}since=7d`, { headers: { authorization: `Bearer ${token}` } })
}

interface Row {
  id: string
  opens: number
  impressions: number
  solved: number
  relatedNotSolved: number
}
async function articleRow(id: string): Promise<Row> {
  const body = (await (await insights('articles')).json()) as { articles: Row[] }
  const row = body.articles.find((a) => a.id === id)
  assert.ok(row, `${id} is in the articles figures`)
  return row
}

/** A fresh page with bounded waits; page errors, console errors and CSP reports are collected. */
async function open(opts: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts })
  context.setDefaultTimeout(WAIT)
  context.setDefaultNavigationTimeout(WAIT)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  return { page, context, errors }
}

async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  const file = path.join(ARTIFACTS, name)
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', fullPage })
  return file
}

/** Sign in to /insights with `token` and wait for the dashboard. */
async function signIn(page: Page, token = TOKEN): Promise<void> {
  await page.goto(`${kbOrigin}/insights`)
  await page.getByLabel('Admin token').fill(token)
  await page.getByRole('button', { name: 'Show insights' }).click()
}

/** The texts of an article's row cells, by column label. */
async function rowCells(page: Page, id: string): Promise<Record<string, string>> {
  return page.evaluate((articleId) => {
    const labels = Array.from(document.querySelectorAll('#articles-table thead th')).map((th) => th.textContent?.replace(/[▲▼↕]/g, '').trim() ?? '')
    const cells = Array.from(document.querySelectorAll(`#articles-table tr[data-article="${articleId}"] > *`)).map((c) => c.textContent?.trim() ?? '')
    return Object.fromEntries(labels.map((l, i) => [l, cells[i] ?? '']))
  }, id)
}

describe('the KCS loop in Chromium', () => {
  it('a paste the KB cannot answer, in the widget on another origin, appears among the gaps on /insights, with a draft', TEST, async () => {
    const { page, context, errors } = await open()
    await page.goto(`${portal.origin}/`)
    await page.waitForFunction(() => customElements.get('kb-search') !== undefined)
    await page.locator('#ticket-match').locator('textarea').fill(UNANSWERED)
    const noConfident = await page.waitForFunction(
      () => (document.querySelector('#ticket-match') as unknown as { lastResponse?: { noConfidentMatch: boolean } }).lastResponse?.noConfidentMatch,
      undefined,
      { timeout: WAIT },
    )
    assert.equal(await noConfident.jsonValue(), true, 'the KB has no confident answer for it')
    await context.close()
    // More of the same error with other values (one gap), other questions: a dashboard with something in it.
    for (const [tenant, retry] of [
      [4412, 45],
      [977, 30],
      [5120, 60],
    ]) {
      await ask('match', `FluxCapacitor sync failed: quota exceeded for tenant ${tenant} (retry in ${retry}s)`)
    }
    await ask('match', 'java.lang.OutOfMemoryError: Metaspace at com.acme.billing.InvoiceRenderer.render(InvoiceRenderer.java:212)')
    for (const q of ['nonpaged pool', 'Connections_Refused', '502.3', 'nonpaged pool', 'Sm_AgentApi_Init', 'kerberos']) await ask('search', q)

    // Events are written in batches off the request path: wait for the question to be stored.
    const gapId = await waitFor(async () => {
      const body = (await (await insights('gaps')).json()) as { gaps: Array<{ id: string; example: string; count: number }> }
      // All four stored: the id changes while questions still join the group (it hashes the template).
      return body.gaps.find((g) => g.example.includes('FluxCapacitor') && g.count === 4)?.id
    }, 15_000)

    const dash = await open()
    await signIn(dash.page)
    const gap = dash.page.locator(`li.gap[data-gap="${gapId}"]`)
    await gap.waitFor()
    assert.match((await gap.locator('.gap-template').textContent()) ?? '', /FluxCapacitor sync failed: quota exceeded/)
    const draftButton = gap.getByRole('button', { name: 'Draft an article' })
    assert.equal(await draftButton.getAttribute('aria-expanded'), 'false')
    await draftButton.click()
    const markdown = gap.locator('pre.draft-markdown')
    await markdown.waitFor()
    assert.equal(await draftButton.getAttribute('aria-expanded'), 'true')
    const text = (await markdown.textContent()) ?? ''
    assert.match(text, /^status: draft$/m)
    assert.match(text, /FluxCapacitor sync failed/)
    const download = gap.getByRole('link', { name: /^Download .+\.md$/ })
    assert.match((await download.getAttribute('href')) ?? '', /^blob:/)
    const [file] = await Promise.all([dash.page.waitForEvent('download'), download.click()])
    assert.match(file.suggestedFilename(), /^fluxcapacitor-.*\.md$/)
    await gap.screenshot({ path: path.join(ARTIFACTS, 'insights-gap-draft.png'), animations: 'disabled' })

    // The charts: SVG images with a title, a description and their figures as a table.
    const charts = dash.page.locator('svg.chart[role="img"]')
    assert.equal(await charts.count(), 2)
    for (const svg of await charts.all()) {
      const ids = ((await svg.getAttribute('aria-labelledby')) ?? '').split(' ')
      assert.equal(ids.length, 2)
      for (const id of ids) assert.ok(((await svg.locator(`[id="${id}"]`).textContent()) ?? '').length > 10)
    }
    await dash.page.getByText('Show as a table').first().click()
    assert.ok((await dash.page.locator('#activity-chart table tbody tr').count()) >= 1)

    // The token is kept for the tab: a reload shows the dashboard without asking.
    await dash.page.reload()
    await dash.page.locator('#dashboard:not([hidden]) li.gap').first().waitFor()
    assert.equal(await dash.page.locator('#login').isHidden(), true)
    assert.deepEqual(dash.errors, [])
    assert.deepEqual(errors, [])
    await dash.context.close()
  })

  it('an article opened from the widget and answered "Yes" changes its counts on /insights', TEST, async () => {
    const before = await articleRow(IIS6)
    const { page, context, errors } = await open()
    const posted: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().startsWith(kbOrigin)) posted.push(new URL(r.url()).pathname)
    })
    await page.goto(`${portal.origin}/`)
    await page.waitForFunction(() => customElements.get('kb-search') !== undefined)
    const widget = page.locator('#help-search')
    await widget.getByRole('combobox').fill('Connections_Refused')
    const first = widget.getByRole('option').first()
    await first.waitFor()
    assert.match((await first.textContent()) ?? '', /IIS 6/)
    await first.click()
    const question = widget.getByText('Did this solve it?')
    await question.waitFor()
    await question.scrollIntoViewIfNeeded()
    const group = widget.getByRole('group', { name: 'Did this solve it?' })
    assert.deepEqual(await group.getByRole('button').allTextContents(), ['Yes', 'No, not related', 'Related, but not solved'])
    await shot(page, 'widget-feedback.png')
    await group.getByRole('button', { name: 'Yes' }).click()
    await widget.getByText('Thank you! Glad it helped.').waitFor()
    assert.deepEqual(posted, ['/api/events/open', '/api/feedback'], 'through the public API, across origins')

    // Back to the results and into the article again: thanked, not asked twice.
    await widget.getByRole('button', { name: '← Back to results' }).click()
    await widget.getByRole('option').first().click()
    await widget.getByText('Thank you! Glad it helped.').waitFor()
    assert.equal(await widget.getByText('Did this solve it?').count(), 0)
    assert.deepEqual(errors, [])
    await context.close()

    const after = await waitFor(async () => {
      const row = await articleRow(IIS6)
      // Opened twice from one answer: one open of that answer (insights count each answer's opens of an article once).
      return row.solved === before.solved + 1 && row.opens === before.opens + 1 ? row : undefined
    }, 15_000)
    assert.ok(after.impressions > before.impressions)

    const dash = await open()
    await signIn(dash.page)
    await dash.page.locator(`#articles-table tr[data-article="${IIS6}"]`).waitFor()
    const cells = await rowCells(dash.page, IIS6)
    assert.equal(cells.Opens, String(after.opens))
    assert.equal(cells.Solved, String(after.solved))
    assert.equal(cells.Helpful, '100%')

    // Sorted by a column with the keyboard: aria-sort follows, the solved article comes first.
    const solvedHeader = dash.page.locator('#articles-table thead th', { has: dash.page.getByRole('button', { name: /^Solved/ }) })
    await solvedHeader.getByRole('button').focus()
    await dash.page.keyboard.press('Enter')
    assert.equal(await solvedHeader.getAttribute('aria-sort'), 'descending')
    assert.equal(await dash.page.locator('#articles-table tbody tr').first().getAttribute('data-article'), IIS6)
    assert.equal(await dash.page.locator('#articles-table thead th[aria-sort]').count(), 1)
    assert.equal(await dash.page.evaluate(() => document.activeElement?.textContent?.startsWith('Solved')), true, 'focus stays on the header button')
    await dash.page.keyboard.press('Space')
    assert.equal(await solvedHeader.getAttribute('aria-sort'), 'ascending')
    assert.notEqual(await dash.page.locator('#articles-table tbody tr').first().getAttribute('data-article'), IIS6)
    // Every column sorts.
    for (const button of await dash.page.locator('#articles-table thead button.sort').all()) {
      await button.click()
      assert.equal(await dash.page.locator('#articles-table thead th[aria-sort]').count(), 1)
    }
    await dash.page.locator('#articles-table').screenshot({ path: path.join(ARTIFACTS, 'insights-articles.png'), animations: 'disabled' })
    await shot(dash.page, 'insights-desktop-full.png', true)
    await dash.page.evaluate(() => window.scrollTo(0, 0))
    const file = await shot(dash.page, 'insights-desktop.png')
    if (process.env.KB_UPDATE_SCREENSHOTS === '1') {
      await mkdir(path.join(REPO, 'docs', 'screenshots'), { recursive: true })
      await copyFile(file, path.join(REPO, 'docs', 'screenshots', 'insights.png'))
    }
    assert.deepEqual(dash.errors, [])
    await dash.context.close()
  })

  it('the hosted page asks too, after an article opened from its results', TEST, async () => {
    const before = await articleRow(IIS6)
    const { page, context, errors } = await open()
    await page.goto(`${kbOrigin}/?q=Connections_Refused`)
    await page.locator('#results a.result').first().click()
    await page.waitForURL(`**/articles/${IIS6}`)
    await page.getByRole('button', { name: 'Related, but not solved' }).click()
    await page.getByText('Thank you. We will use that to improve this article.').waitFor()
    // A reload keeps the answer (the history entry holds it): thanked, not asked again.
    await page.reload()
    await page.locator('#article-title').waitFor()
    await page.getByText('Thank you. We will use that to improve this article.').waitFor()
    assert.equal(await page.getByText('Did this solve it?').count(), 0)
    // Opened directly (no question behind it): nothing to ask about.
    await page.goto(`${kbOrigin}/`)
    await page.goto(`${kbOrigin}/articles/${IIS6}`)
    await page.locator('#article-title').waitFor()
    assert.equal(await page.getByText('Did this solve it?').count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
    await waitFor(async () => {
      const row = await articleRow(IIS6)
      return row.relatedNotSolved === before.relatedNotSolved + 1 && row.opens === before.opens + 1 ? row : undefined
    }, 15_000)
  })

  it('on a phone (390x844): signs in, nothing wider than the screen, the table scrolls in its own box', TEST, async () => {
    const { page, context, errors } = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await signIn(page)
    await page.locator('#articles-table tbody tr').first().waitFor()
    await page.locator('li.gap').first().waitFor()
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      charts: Array.from(document.querySelectorAll('svg.chart')).map((s) => s.getBoundingClientRect().right),
      table: document.querySelector('#articles-table')!.closest('.table-scroll')!.getBoundingClientRect().right,
    }))
    assert.ok(widths.page <= 390, `page is ${widths.page}px wide`)
    for (const right of widths.charts) assert.ok(right <= 390, `a chart ends at ${right}px`)
    assert.ok(widths.table <= 390)
    await shot(page, 'insights-phone.png')
    await shot(page, 'insights-phone-full.png', true)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a wrong token is refused and not kept; signing out forgets the token', TEST, async () => {
    const { page, context } = await open()
    await signIn(page, 'not-the-token')
    await page.getByText('That token was not accepted.').waitFor()
    assert.equal(await page.evaluate(() => sessionStorage.getItem('kb-insights-token')), null)
    assert.equal(await page.locator('#dashboard').isHidden(), true)
    await page.getByLabel('Admin token').fill(TOKEN)
    await page.getByRole('button', { name: 'Show insights' }).click()
    await page.locator('#articles-table tbody tr').first().waitFor()
    await page.getByRole('button', { name: 'Sign out' }).click()
    assert.equal(await page.evaluate(() => sessionStorage.getItem('kb-insights-token')), null)
    await page.reload()
    await page.getByLabel('Admin token').waitFor()
    await context.close()
  })

  it('serves /insights under the page policy: no inline script or style, no framing, no referrer', TEST, async () => {
    const res = await fetch(`${kbOrigin}/insights`)
    assert.equal(res.status, 200)
    const csp = res.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /style-src 'self'/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer')
    for (const asset of ['/assets/insights.js', '/assets/insights.css']) assert.equal((await fetch(`${kbOrigin}${asset}`)).status, 200, asset)
  })
})

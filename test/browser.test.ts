/**
 * End to end, in headless Chromium (Debian's package, driven by playwright-core): the widget
 * embedded in a demo support portal on another origin, the hosted page, CORS, and article HTML
 * that must never run script. Screenshots go to test-artifacts/ (set KB_UPDATE_SCREENSHOTS=1 to
 * also refresh docs/screenshots/widget.png, the README's picture).
 */
import assert from 'node:assert/strict'
import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createApp } from '../src/app.js'
import { loadConfig, parseCorsOrigins } from '../src/config.js'
import { kbFrom, REPO } from './helpers/kb.js'
import { assertChromium, launchChromium, type Running, portalTemplate, startKb, startSite } from './browser/servers.js'

const ARTIFACTS = path.join(REPO, 'test-artifacts')
const XSS_KB = path.join(REPO, 'test', 'fixtures', 'xss-kb')
const IIS6 = 'iis6-connections-refused-nonpaged-pool'
const SITEMINDER = 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections'
const WAIT = 10_000
const TEST = { timeout: 60_000 }

let browser: Browser
let kb: Running & { app: unknown }
let xssKb: Running & { app: unknown }
let portal: Running
let stranger: Running
const closers: Array<() => Promise<unknown>> = []

before(async () => {
  assertChromium()
  await mkdir(ARTIFACTS, { recursive: true })
  const html = await portalTemplate()
  // The portal and a stranger site first: the KB's allowlist needs the portal's origin.
  portal = await startSite({
    '/': () => html(kb.origin),
    '/xss': () => html(xssKb.origin),
    '/blank': () => '<!doctype html><title>portal</title>',
    // No api attribute: the widget calls the origin it was loaded from.
    '/no-api': () =>
      `<!doctype html><title>minimal</title><link rel="icon" href="data:,"><script src="${kb.origin}/widget.js" defer></script><kb-search id="w"></kb-search>`,
  })
  closers.push(() => portal.close())
  stranger = await startSite({ '/': () => html(kb.origin), '/blank': () => '<!doctype html><title>stranger</title>' })
  closers.push(() => stranger.close())
  kb = await startKb(path.join(REPO, 'articles'), [portal.origin])
  closers.push(() => kb.close())
  xssKb = await startKb(XSS_KB, [portal.origin])
  closers.push(() => xssKb.close())
  browser = await launchChromium()
  closers.unshift(() => browser.close())
})

after(async () => {
  for (const close of closers) await close().catch(() => undefined)
})

/** A fresh page with bounded waits; page errors and console errors are collected. */
async function open(opts: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...opts })
  context.setDefaultTimeout(WAIT)
  context.setDefaultNavigationTimeout(WAIT)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`)
  })
  return { page, context, errors }
}

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, name)
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
  return file
}

/** Evaluate inside a widget's shadow root. */
function inWidget<T>(page: Page, id: string, fn: string): Promise<T> {
  return page.evaluate(
    ([sel, body]) => {
      const root = document.querySelector(sel)?.shadowRoot
      if (!root) throw new Error(`no shadow root on ${sel}`)
      return new Function('root', 'host', body)(root, root.host) as T
    },
    [`#${id}`, fn] as const,
  )
}

/** The confidence label the API's answer should give its top result ("Strong match · 80%"). */
async function expectedConfidence(text: string): Promise<string> {
  const res = await fetch(`${kb.origin}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
  const top = ((await res.json()) as { results: Array<{ id: string; confidence: number }> }).results[0]!
  assert.equal(top.id, SITEMINDER)
  const words = top.confidence >= 0.7 ? 'Strong match' : top.confidence >= 0.4 ? 'Possible match' : 'Weak match'
  return `${words} · ${Math.round(top.confidence * 100)}%`
}

const xssFlag = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)

describe('the widget in a support portal on another origin', () => {
  let page: Page
  let context: BrowserContext
  let errors: string[]

  before(async () => {
    ;({ page, context, errors } = await open())
    const res = await page.goto(`${portal.origin}/`)
    assert.equal(res?.status(), 200)
    await page.waitForFunction(() => customElements.get('kb-search') !== undefined, undefined, { timeout: WAIT })
  })
  after(() => context.close())

  it('is embedded with the two lines and renders in its own shadow root', TEST, async () => {
    assert.notEqual(new URL(portal.origin).port, new URL(kb.origin).port, 'the portal is another origin')
    const roots = await page.evaluate(() => Array.from(document.querySelectorAll('kb-search')).map((el) => el.shadowRoot !== null))
    assert.deepEqual(roots, [true, true])
    assert.equal(await page.locator('#help-search').getByRole('combobox').getAttribute('aria-expanded'), 'false')
  })

  it('focuses on "/" and searches as you type: Connections_Refused puts the IIS 6 article first', TEST, async () => {
    await page.locator('h1').click()
    await page.keyboard.press('/')
    assert.equal(await inWidget(page, 'help-search', 'return root.activeElement?.id'), 'kb-input', '"/" focuses the widget input')
    await page.keyboard.type('Connections_Refused', { delay: 15 })
    const first = page.locator('#help-search').getByRole('option').first()
    await first.waitFor()
    assert.match(await first.innerText(), /^IIS 6 stops accepting connections/)
    const input = page.locator('#help-search').getByRole('combobox')
    assert.equal(await input.getAttribute('aria-expanded'), 'true')
    // Matched words are highlighted with <mark>, built as DOM (the snippet is text, not HTML).
    const marks = await inWidget<string[]>(page, 'help-search', "return [...root.querySelectorAll('#kb-opt-0 .kb-snippet mark')].map(m => m.textContent)")
    assert.ok(
      marks.some((m) => /Connections_Refused/.test(m)),
      `marks: ${JSON.stringify(marks)}`,
    )
    // The live region announces the count politely.
    await page.waitForFunction(
      () => /articles? found/.test(document.querySelector('#help-search')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? ''),
      undefined,
      { timeout: WAIT },
    )
    const live = await inWidget<string>(page, 'help-search', "return root.querySelector('[role=status]').getAttribute('aria-live')")
    assert.equal(live, 'polite')
    // The host page heard about it.
    const events = await page.evaluate(() => (window as unknown as { portalEvents: Array<{ type: string; target: string; count?: number }> }).portalEvents)
    assert.ok(
      events.some((e) => e.type === 'kb-results' && e.target === 'help-search' && (e.count ?? 0) > 0),
      JSON.stringify(events),
    )

    // The portal's global CSS does not reach in, and the widget's does not leak out.
    const styles = await inWidget<{ mark: string; markSize: string; snippetSize: string; hostFont: string }>(
      page,
      'help-search',
      "const m = root.querySelector('mark'); return { mark: getComputedStyle(m).backgroundColor, markSize: getComputedStyle(m).fontSize, snippetSize: getComputedStyle(m.parentElement).fontSize, hostFont: getComputedStyle(root.querySelector('.kb')).fontFamily }",
    )
    assert.equal(styles.mark, 'rgb(255, 241, 168)', 'the widget mark keeps its own colour')
    assert.equal(styles.markSize, styles.snippetSize, "the portal's mark { font-size: 1.4em } does not apply")
    assert.doesNotMatch(styles.hostFont, /Georgia/)
    const portalMark = await page.evaluate(() => getComputedStyle(document.querySelector('main p mark')!).backgroundColor)
    assert.equal(portalMark, 'rgb(255, 0, 0)', "the portal's own mark keeps the portal's style")

    const file = await shot(page, 'widget-search.png')
    if (process.env.KB_UPDATE_SCREENSHOTS === '1') {
      await mkdir(path.join(REPO, 'docs', 'screenshots'), { recursive: true })
      await copyFile(file, path.join(REPO, 'docs', 'screenshots', 'widget.png'))
    }
  })

  it('navigates with the keyboard: arrows choose, Enter opens the article, Escape closes', TEST, async () => {
    const input = page.locator('#help-search').getByRole('combobox')
    await input.focus()
    await page.keyboard.press('ArrowDown')
    assert.equal(await input.getAttribute('aria-activedescendant'), 'kb-opt-0')
    assert.equal(await page.locator('#help-search #kb-opt-0').getAttribute('aria-selected'), 'true')
    await page.keyboard.press('ArrowDown')
    assert.equal(await input.getAttribute('aria-activedescendant'), 'kb-opt-1')
    await page.keyboard.press('ArrowUp')
    assert.equal(await input.getAttribute('aria-activedescendant'), 'kb-opt-0')

    await page.keyboard.press('Enter')
    const title = page.locator('#help-search .kb-article-title')
    await title.waitFor()
    assert.match(await title.innerText(), /^IIS 6 stops accepting connections/)
    const sections = await page.locator('#help-search .kb-article-section h4').allInnerTexts()
    for (const s of ['Symptoms', 'Environment', 'Cause', 'Resolution'])
      assert.ok(sections.map((x) => x.toLowerCase()).includes(s.toLowerCase()), `${s} in ${sections}`)
    assert.match(await page.locator('#help-search .kb-article').innerText(), /nonpaged pool/i)
    assert.equal(await page.locator('#help-search .kb-open').getAttribute('href'), `${kb.origin}/articles/${IIS6}`)
    assert.equal(await input.getAttribute('aria-expanded'), 'false', 'the listbox is closed while the article shows')
    const events = await page.evaluate(() => (window as unknown as { portalEvents: Array<{ type: string; detail?: { id: string } }> }).portalEvents)
    assert.deepEqual(
      events.filter((e) => e.type === 'kb-select').map((e) => e.detail?.id),
      [IIS6],
    )
    await shot(page, 'widget-article.png')

    await page.keyboard.press('Escape')
    await page.locator('#help-search .kb-article').waitFor({ state: 'hidden' })
    assert.equal(await inWidget(page, 'help-search', 'return root.activeElement?.id'), 'kb-input', 'focus returns to the input')
    assert.equal(await input.getAttribute('aria-activedescendant'), 'kb-opt-0', 'the chosen result is still active')
    assert.equal(await input.getAttribute('aria-expanded'), 'true')
    await page.keyboard.press('Escape')
    assert.equal(await input.getAttribute('aria-expanded'), 'false', 'Escape closes the results')
    await page.keyboard.press('Escape')
    assert.equal(await input.inputValue(), '', 'a further Escape clears the input')
  })

  it('opens an article with a click, and links it to the hosted page', TEST, async () => {
    const input = page.locator('#help-search').getByRole('combobox')
    await input.fill('siteminder')
    const second = page.locator('#help-search').getByRole('option').nth(1)
    await second.waitFor()
    const expected = (await second.locator('.kb-result-title').innerText()).trim()
    await second.click()
    await page.locator('#help-search .kb-article-title').waitFor()
    assert.equal((await page.locator('#help-search .kb-article-title').innerText()).trim(), expected)
    await page.locator('#help-search .kb-back').click()
    await page.locator('#help-search .kb-article').waitFor({ state: 'hidden' })
    await input.fill('')
  })

  it('matches a pasted error: Sm_AgentApi_Init Failed finds the SiteMinder article, with its confidence and symptom', TEST, async () => {
    const box = page.locator('#ticket-match textarea')
    await box.click()
    await page.evaluate(() => {
      // A real paste: the widget matches a paste at once, without waiting for typing to stop.
      const el = document.querySelector('#ticket-match')!.shadowRoot!.querySelector('textarea')!
      el.value = 'Sm_AgentApi_Init Failed'
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }))
    })
    const first = page.locator('#ticket-match').getByRole('option').first()
    await first.waitFor()
    assert.match(await first.locator('.kb-result-title').innerText(), /SiteMinder IIS Web Agent intermittently fails to start/)
    assert.equal(await first.locator('.kb-confidence').innerText(), await expectedConfidence('Sm_AgentApi_Init Failed'))
    assert.match(await first.locator('.kb-symptom').innerText(), /Matched symptom:.*Sm_AgentApi_Init Failed/)
    assert.deepEqual(await first.locator('.kb-symptom mark').allInnerTexts(), ['Sm_AgentApi_Init', 'Failed'])
    assert.equal(await page.locator('#ticket-match .kb-state-notice').count(), 0, 'no "no confident match" notice for a confident match')
    // The portal themes this one through custom properties.
    const theme = await inWidget<{ radius: string; mark: string }>(
      page,
      'ticket-match',
      "return { radius: getComputedStyle(root.querySelector('.kb-field')).borderTopLeftRadius, mark: getComputedStyle(root.querySelector('mark')).backgroundColor }",
    )
    assert.deepEqual(theme, { radius: '0px', mark: 'rgb(255, 214, 240)' })

    // The host attaches the chosen article to its ticket through kb-select.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.locator('#ticket-match .kb-article-title').waitFor()
    assert.match(await page.locator('#attached').innerText(), /^Attached: SiteMinder IIS Web Agent/)
    assert.match(await page.locator('#ticket-match .kb-article').innerText(), /Sm_AgentApi_Init Failed/)
    assert.ok((await page.locator('#ticket-match .kb-article a.kb-open').getAttribute('href'))?.endsWith(`/articles/${SITEMINDER}`))
    await page.keyboard.press('Escape')
    await shot(page, 'widget-match.png')
  })

  it('says honestly when nothing matches a paste', TEST, async () => {
    const box = page.locator('#ticket-match textarea')
    await box.fill('zorbleflux quandrimax wibblewobble')
    const state = page.locator('#ticket-match .kb-state')
    await page.waitForFunction(
      () =>
        /No confident match|Nothing in the knowledge base/.test(
          document.querySelector('#ticket-match')?.shadowRoot?.querySelector('.kb-state')?.textContent ?? '',
        ),
      undefined,
      { timeout: WAIT },
    )
    assert.match(await state.innerText(), /No confident match|Nothing in the knowledge base matches this error/)
    await box.fill('')
  })

  it('has no script errors', () => {
    assert.deepEqual(errors, [])
  })
})

describe('the widget with no api attribute', () => {
  it('calls the KB it was loaded from', TEST, async () => {
    const { page, context, errors } = await open()
    try {
      await page.goto(`${portal.origin}/no-api`)
      await page.locator('#w').getByRole('combobox').fill('Connections_Refused')
      await page.locator('#w').getByRole('option').first().waitFor()
      assert.match(await page.locator('#w').getByRole('option').first().innerText(), /^IIS 6 stops accepting connections/)
      assert.deepEqual(errors, [])
    } finally {
      await context.close()
    }
  })
})

describe('article content never runs script', () => {
  it('in the widget: payloads in the title, symptoms, environment, cause, resolution and body stay inert text', TEST, async () => {
    const { page, context, errors } = await open()
    try {
      await page.goto(`${portal.origin}/xss`)
      await page.locator('#help-search').getByRole('combobox').fill('flurbo crashed')
      const first = page.locator('#help-search').getByRole('option').first()
      await first.waitFor()
      // The title's <script> is shown as text.
      assert.match(await first.locator('.kb-result-title').innerText(), /<script>window\.__xss='title'<\/script>/)
      await first.click()
      await page.locator('#help-search .kb-article-title').waitFor()
      const text = await page.locator('#help-search .kb-article').innerText()
      assert.match(text, /<img src=x onerror="window\.__xss='symptom-img'">/, 'a symptom is text')
      assert.match(text, /<svg onload="window\.__xss='environment'"><\/svg>/, 'an environment line is text')
      assert.match(text, /Delete flurbo\.ini/)
      await page.waitForTimeout(300) // let any image error fire
      assert.equal(await xssFlag(page), undefined)
      const found = await inWidget<string[]>(
        page,
        'help-search',
        "return [...root.querySelectorAll('.kb-article *')].flatMap(el => [...(['SCRIPT','IFRAME','OBJECT','EMBED','svg'].includes(el.tagName) ? [el.tagName] : []), ...[...el.attributes].filter(a => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map(a => el.tagName + ' ' + a.name)])",
      )
      assert.deepEqual(found, [])
      assert.deepEqual(errors, [])
      await shot(page, 'widget-xss-article.png')
    } finally {
      await context.close()
    }
  })

  it('in the widget, even when the API itself sends hostile HTML (the second, client-side sanitizer)', TEST, async () => {
    const { page, context } = await open()
    try {
      // Bypass the server's sanitizer: rewrite the article response on its way to the widget.
      await page.route(`${xssKb.origin}/api/articles/**`, async (route) => {
        const res = await route.fetch()
        const article = (await res.json()) as Record<string, { html: string } | unknown>
        const hostile = hostileHtml(xssKb.origin)
        article.cause = { markdown: '', html: hostile.cause }
        article.resolution = { markdown: '', html: hostile.resolution }
        article.body = { markdown: '', html: hostile.body }
        await route.fulfill({ response: res, body: JSON.stringify(article) })
      })
      await page.goto(`${portal.origin}/xss`)
      await page.locator('#help-search').getByRole('combobox').fill('flurbo crashed')
      await page.locator('#help-search').getByRole('option').first().click()
      await page.locator('#help-search .kb-article-title').waitFor()
      await page.waitForFunction(
        () => /cause text/.test(document.querySelector('#help-search')?.shadowRoot?.querySelector('.kb-article')?.textContent ?? ''),
        undefined,
        { timeout: WAIT },
      )
      // Click every link the article kept: none may run anything.
      const hrefs = await inWidget<string[]>(page, 'help-search', "return [...root.querySelectorAll('.kb-prose a[href]')].map(a => a.getAttribute('href'))")
      for (const h of hrefs) assert.match(h, /^(https?:|mailto:|#)/, h)
      await page.locator('#help-search details summary').click()
      await page.waitForTimeout(300)
      assert.equal(await xssFlag(page), undefined)
      const found = await inWidget<string[]>(
        page,
        'help-search',
        "return [...root.querySelectorAll('.kb-article *')].flatMap(el => [...(!['A','P','IMG','DETAILS','SUMMARY','DIV','SPAN','UL','LI','H3','H4','SECTION','BUTTON'].includes(el.tagName) ? [el.tagName] : []), ...[...el.attributes].filter(a => /^on|^style$|^srcdoc$|^formaction$/i.test(a.name) || /javascript:/i.test(a.value)).map(a => el.tagName + ' ' + a.name)])",
      )
      assert.deepEqual(found, [])
      assert.equal(await inWidget(page, 'help-search', "return root.querySelector('#user-content-note')?.tagName ?? null"), 'A', 'prefixed ids are kept')
      assert.equal(await inWidget(page, 'help-search', 'return root.querySelector(\'[id="clobber"]\')'), null, 'other ids are not')
      assert.equal(
        await inWidget(page, 'help-search', "return root.querySelector('.kb-prose img[alt=ok]')?.getAttribute('src') ?? null"),
        `${xssKb.origin}/images/ok.png`,
      )
    } finally {
      await context.close()
    }
  })

  it('on the hosted page too', TEST, async () => {
    const { page, context, errors } = await open()
    try {
      await page.goto(`${xssKb.origin}/articles/flurbo-payloads`)
      await page.locator('.kb-article-title').waitFor()
      assert.match(await page.locator('#article').innerText(), /<script>window\.__xss='symptom-script'<\/script> flurbo crashed/)
      await page.waitForTimeout(300)
      assert.equal(await xssFlag(page), undefined)
      assert.equal(await page.locator('#article script, #article iframe, #article svg, #article [onerror], #article [onload]').count(), 0)
      assert.deepEqual(errors, [])
    } finally {
      await context.close()
    }
  })
})

describe('an article without a cause (KCS: cause is optional)', () => {
  it('shows no Cause heading, on the hosted page and in the widget', TEST, async () => {
    const { page, context, errors } = await open()
    try {
      await page.goto(`${xssKb.origin}/articles/flurbo-no-cause`)
      await page.locator('.kb-article-title').waitFor()
      assert.deepEqual(await page.locator('.kb-article-section h2').allTextContents(), ['Symptoms', 'Environment', 'Resolution'])
      await page.goto(`${portal.origin}/xss`)
      await page.locator('#help-search').getByRole('combobox').fill('flurbo window layout')
      await page.locator('#help-search').getByRole('option').first().click()
      await page.locator('#help-search .kb-article-title').waitFor()
      assert.deepEqual(await page.locator('#help-search .kb-article-section h4').allTextContents(), ['Symptoms', 'Environment', 'Resolution'])
      assert.deepEqual(errors, [])
    } finally {
      await context.close()
    }
  })
})

describe('cross-origin access', () => {
  it('reads KB_CORS_ORIGINS as a list of exact origins, and refuses anything else', () => {
    assert.deepEqual(parseCorsOrigins(''), [])
    assert.deepEqual(parseCorsOrigins(' https://Help.Example.com/ , http://127.0.0.1:8080,https://help.example.com:443'), [
      'https://help.example.com',
      'http://127.0.0.1:8080',
    ])
    for (const bad of ['help.example.com', 'https://help.example.com/portal', 'ftp://x.example', '*', 'https://u:p@x.example']) {
      assert.throws(() => parseCorsOrigins(bad), /is not an origin like https:\/\/portal\.example\.com/, bad)
    }
    assert.deepEqual(loadConfig({}).KB_CORS_ORIGINS, '')
    assert.throws(
      () => loadConfig({ KB_CORS_ORIGINS: 'https://a.example,nope' }),
      /^ConfigError: Invalid configuration: KB_CORS_ORIGINS "nope" is not an origin/,
    )
  })

  it('sends no CORS headers at all when no origin is configured', async () => {
    const app = await createApp({ kb: await kbFrom(), bodyLimit: 1024 })
    try {
      const res = await app.inject({ url: '/api/search?q=iis', headers: { origin: portal.origin } })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['access-control-allow-origin'], undefined)
      const pre = await app.inject({ method: 'OPTIONS', url: '/api/match', headers: { origin: portal.origin, 'access-control-request-method': 'POST' } })
      assert.equal(pre.statusCode, 404)
      assert.equal(pre.json().code, 'KB_ROUTE_NOT_FOUND')
    } finally {
      await app.close()
    }
  })

  it('answers the allowed portal with CORS headers and a stranger without any', TEST, async () => {
    const allowed = await fetch(`${kb.origin}/api/search?q=iis`, { headers: { origin: portal.origin } })
    assert.equal(allowed.headers.get('access-control-allow-origin'), portal.origin)
    assert.match(allowed.headers.get('vary') ?? '', /Origin/)
    const refused = await fetch(`${kb.origin}/api/search?q=iis`, { headers: { origin: stranger.origin } })
    assert.equal(refused.headers.get('access-control-allow-origin'), null)
    const preflight = await fetch(`${kb.origin}/api/match`, {
      method: 'OPTIONS',
      headers: { origin: stranger.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    assert.equal(preflight.headers.get('access-control-allow-origin'), null)
    assert.equal(preflight.headers.get('access-control-allow-methods'), null)
    const ok = await fetch(`${kb.origin}/api/match`, {
      method: 'OPTIONS',
      headers: { origin: portal.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    assert.equal(ok.status, 204)
    assert.equal(ok.headers.get('access-control-allow-origin'), portal.origin)
  })

  it('lets the browser refuse a page on an origin not in the allowlist', TEST, async () => {
    const { page, context } = await open()
    try {
      await page.goto(`${stranger.origin}/blank`)
      const outcome = await page.evaluate(async (api) => {
        try {
          const r = await fetch(`${api}/api/search?q=iis`)
          return `read ${r.status}`
        } catch (err) {
          return `refused: ${(err as Error).name}`
        }
      }, kb.origin)
      assert.equal(outcome, 'refused: TypeError')
      // The same widget, embedded by the stranger, shows its error state instead of results.
      await page.goto(`${stranger.origin}/`)
      await page.locator('#help-search').getByRole('combobox').fill('iis')
      const error = page.locator('#help-search .kb-state-error')
      await error.waitFor()
      assert.match(await error.innerText(), /Can't reach the knowledge base/)
      await shot(page, 'widget-refused-origin.png')
      // While the allowed portal reads the API from the browser.
      await page.goto(`${portal.origin}/blank`)
      const status = await page.evaluate(async (api) => (await fetch(`${api}/api/search?q=iis`)).status, kb.origin)
      assert.equal(status, 200)
    } finally {
      await context.close()
    }
  })
})

describe('the hosted page', () => {
  it('searches, matches a paste, opens articles with deep links, under a CSP without inline script', TEST, async () => {
    const { page, context, errors } = await open()
    try {
      const res = await page.goto(`${kb.origin}/`)
      assert.equal(res?.status(), 200)
      const csp = res?.headers()['content-security-policy'] ?? ''
      assert.match(csp, /script-src 'self'(;|$)/)
      assert.doesNotMatch(csp, /unsafe-inline/)

      await page.locator('#q').fill('Connections_Refused')
      const first = page.locator('#results .result').first()
      await first.waitFor()
      assert.match(await first.innerText(), /^IIS 6 stops accepting connections/)
      assert.ok((await first.locator('mark').allInnerTexts()).some((m) => /Connections_Refused/.test(m)))
      await page.waitForURL(/\?q=Connections_Refused$/)
      await shot(page, 'hosted-search.png')

      await page.locator('#paste').fill('Sm_AgentApi_Init Failed')
      await page.getByRole('button', { name: 'Find matching articles' }).click()
      await page.waitForFunction(
        () => /SiteMinder IIS Web Agent intermittently/.test(document.querySelector('#results .result')?.textContent ?? ''),
        undefined,
        { timeout: WAIT },
      )
      const top = page.locator('#results .result').first()
      assert.equal(await top.locator('.kb-confidence').innerText(), await expectedConfidence('Sm_AgentApi_Init Failed'))
      assert.match(await top.locator('.kb-symptom').innerText(), /Sm_AgentApi_Init Failed/)
      await shot(page, 'hosted-match.png')

      await top.click()
      await page.waitForURL(`${kb.origin}/articles/${SITEMINDER}`)
      await page.locator('h1.kb-article-title').waitFor()
      assert.match(await page.title(), /^SiteMinder IIS Web Agent/)
      await page.goBack()
      await page.locator('#results .result').first().waitFor()
      assert.match(await page.locator('#results .result').first().innerText(), /SiteMinder IIS Web Agent intermittently/, 'back shows the results again')

      // A deep link loads the article directly.
      const deep = await page.goto(`${kb.origin}/articles/${IIS6}`)
      assert.equal(deep?.status(), 200)
      await page.locator('h1.kb-article-title').waitFor()
      assert.match(await page.locator('h1.kb-article-title').innerText(), /^IIS 6 stops accepting connections/)
      const headings = await page.locator('.kb-article-section h2').allInnerTexts()
      for (const s of ['symptoms', 'environment', 'cause', 'resolution']) assert.ok(headings.map((x) => x.toLowerCase()).includes(s), `${s} in ${headings}`)
      assert.equal(await page.locator('#finder').isVisible(), false)
      await shot(page, 'hosted-article.png')
      await page.locator('#back').click()
      await page.waitForURL(`${kb.origin}/`)
      await page.locator('#q').waitFor()

      const missing = await page.goto(`${kb.origin}/articles/no-such-article`)
      assert.equal(missing?.status(), 404)
      await page.getByRole('heading', { name: 'Article not found' }).waitFor()

      // No CSP violation ("Refused to ...") or script error; the one 404 is the missing article's.
      assert.deepEqual(
        errors.filter((e) => !/status of 404/.test(e)),
        [],
      )
    } finally {
      await context.close()
    }
  })

  it('is usable on a phone', TEST, async () => {
    const { page, context, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    try {
      await page.goto(`${kb.origin}/?q=timeout`)
      await page.locator('#results .result').first().waitFor()
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
      assert.ok(fits, 'no sideways scrolling')
      await shot(page, 'phone-hosted-search.png')
      await page.locator('#results .result').first().tap()
      await page.locator('h1.kb-article-title').waitFor()
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the article fits the width')
      await shot(page, 'phone-hosted-article.png')

      await page.goto(`${portal.origin}/`)
      await page.locator('#help-search').getByRole('combobox').fill('Connections_Refused')
      await page.locator('#help-search').getByRole('option').first().waitFor()
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the widget fits a phone')
      await shot(page, 'phone-widget.png')
      assert.deepEqual(errors, [])
    } finally {
      await context.close()
    }
  })
})

describe('serving the built files', () => {
  it('serves the widget, the page and its assets with content types, cache headers and ETags, and keeps JSON 404s', async () => {
    const app = await createApp({ kb: await kbFrom(), bodyLimit: 1024 })
    try {
      const widget = await app.inject({ url: '/widget.js' })
      assert.equal(widget.statusCode, 200)
      assert.equal(widget.headers['content-type'], 'text/javascript; charset=utf-8')
      assert.equal(widget.headers['cache-control'], 'public, max-age=300')
      assert.equal(widget.headers['cross-origin-resource-policy'], 'cross-origin')
      assert.match(widget.body, /kb-search/)
      const again = await app.inject({ url: '/widget.js', headers: { 'if-none-match': String(widget.headers.etag) } })
      assert.equal(again.statusCode, 304)
      for (const [url, type] of [
        ['/assets/app.js', 'text/javascript; charset=utf-8'],
        ['/assets/app.css', 'text/css; charset=utf-8'],
      ]) {
        const res = await app.inject({ url: url! })
        assert.equal(res.statusCode, 200, url)
        assert.equal(res.headers['content-type'], type)
        assert.equal(res.headers['x-content-type-options'], 'nosniff')
      }
      for (const url of ['/', `/articles/${IIS6}`]) {
        const res = await app.inject({ url })
        assert.equal(res.statusCode, 200, url)
        assert.equal(res.headers['content-type'], 'text/html; charset=utf-8')
        assert.equal(res.headers['cache-control'], 'no-cache')
        assert.match(String(res.headers['content-security-policy']), /script-src 'self';/)
        assert.match(res.body, /<meta name="viewport"/)
        assert.doesNotMatch(res.body, /<script>/, 'no inline script')
      }
      assert.equal((await app.inject({ url: '/articles/no-such-article' })).statusCode, 404)
      for (const url of ['/api/nope', '/api/articles', '/assets/nope.js', '/articles']) {
        const res = await app.inject({ url: `${url}/x/y` })
        assert.equal(res.statusCode, 404, url)
        assert.equal(res.json().code, 'KB_ROUTE_NOT_FOUND')
      }
      const head = await app.inject({ method: 'HEAD', url: '/widget.js' })
      assert.equal(head.statusCode, 200)
    } finally {
      await app.close()
    }
  })

  it('answers 503 in the API error shape when the web files are not built', async () => {
    const app = await createApp({ kb: await kbFrom(), bodyLimit: 1024, webDir: path.join(REPO, 'no-such-dir') })
    try {
      const res = await app.inject({ url: '/widget.js' })
      assert.equal(res.statusCode, 503)
      assert.equal(res.json().code, 'KB_WEB_NOT_BUILT')
      assert.equal((await app.inject({ url: '/api/search?q=iis' })).statusCode, 200, 'the API still answers')
    } finally {
      await app.close()
    }
  })
})

/** HTML no server should send: what the client-side sanitizer must neutralize on its own. */
const hostileHtml = (origin: string) => ({
  cause: [
    '<p>cause text</p>',
    "<script>window.__xss='c-script'</script>",
    `<img src="x" onerror="window.__xss='c-img'">`,
    `<a href="javascript:window.__xss='c-a'">js link</a>`,
    `<a href=" jav&#x09;ascript:window.__xss='c-a2'">encoded js link</a>`,
    `<a href="data:text/html,<script>alert(1)</script>">data link</a>`,
    `<svg><script>window.__xss='c-svg'</script><animate onbegin="window.__xss='c-anim'" attributeName="x" dur="1s"/></svg>`,
    `<iframe srcdoc="<script>parent.__xss='c-iframe'</script>"></iframe>`,
    `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='c-mxss'">`,
  ].join(''),
  resolution: [
    `<noscript><p title="</noscript><img src=x onerror=window.__xss='r-noscript'>"></noscript>`,
    `<form><button formaction="javascript:window.__xss='r-form'">b</button></form>`,
    `<details ontoggle="window.__xss='r-details'"><summary>more</summary>hidden</details>`,
    `<img src="${origin}/images/ok.png" onload="window.__xss='r-onload'" alt="ok">`,
    `<p style="background:url(javascript:window.__xss='r-style')">styled</p>`,
    `<a href="https://example.com/ok" onclick="window.__xss='r-click'">ok link</a>`,
  ].join(''),
  body: [
    `<a id="user-content-note" href="#user-content-note">note</a><div id="clobber">x</div>`,
    `<object data="javascript:window.__xss='b-object'"></object><embed src="javascript:window.__xss='b-embed'">`,
    `<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:window.__xss='b-meta'">`,
    `<template><script>window.__xss='b-template'</script></template>`,
  ].join(''),
})

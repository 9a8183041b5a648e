import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderMarkdown } from '../src/render/markdown.js'

describe('renderMarkdown', () => {
  it('renders GitHub-flavoured Markdown to HTML and to plain text with a line per block', () => {
    const r = renderMarkdown('1. Run `poolmon /b`\n2. Sort by **nonpaged** bytes\n\n| Tag | Driver |\n|---|---|\n| Leak | bad.sys |\n')
    assert.match(r.html, /<ol>\n<li>Run <code>poolmon \/b<\/code><\/li>/)
    assert.match(r.html, /<table>/)
    assert.equal(r.text, 'Run poolmon /b\nSort by nonpaged bytes\nTag Driver\nLeak bad.sys')
  })

  it('never lets script reach the HTML: raw HTML, event handlers and javascript: links are removed', () => {
    const r = renderMarkdown(
      'Hi <script>alert(1)</script>\n\n<script>alert(2)</script>\n\n<img src=x onerror="alert(3)">\n\n[click](javascript:alert(4))\n\n<iframe src="https://evil.example"></iframe>',
    )
    assert.doesNotMatch(r.html, /<script|onerror|javascript:|<iframe|<img/i)
    assert.match(r.html, /<a>click<\/a>/)
    assert.doesNotMatch(r.text, /<script|onerror/)
  })

  it('keeps safe links and code', () => {
    const r = renderMarkdown('See [docs](https://example.com/a?b=1).\n\n```\nnetsh int ipv4 show dynamicport tcp\n```')
    assert.match(r.html, /<a href="https:\/\/example.com\/a\?b=1">docs<\/a>/)
    assert.match(r.html, /<pre><code>netsh int ipv4 show dynamicport tcp\n<\/code><\/pre>/)
  })
})

import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { Nodes as MdastNodes } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { LIMITS } from '../src/limits.js'
import { markdownHtml, parseMarkdown, renderMarkdown } from '../src/build/render/markdown.js'
import { findTooDeep, findTooManyOpeners } from '../src/build/render/nesting.js'
import { corporaDir } from './helpers/corpora.js'
import { REPO } from './helpers/kb.js'

/** How deeply nodes of these types nest in a syntax tree, as the parser built it. */
function nesting(types: ReadonlySet<string>): (node: MdastNodes, above?: number) => number {
  const depth = (node: MdastNodes, above = 0): number => {
    const here = types.has(node.type) ? above + 1 : above
    return 'children' in node ? Math.max(here, ...node.children.map((c) => depth(c as MdastNodes, here))) : here
  }
  return depth
}

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

describe('markdownHtml', () => {
  it('leaves the Markdown tree as it was (renderMarkdown reads its plain text after, without a copy)', () => {
    const samples = [
      'Restart the pool[^1], then again[^1] and [^x].\n\n[^1]: Recycling is *not* enough.\n    Really.\n[^x]: HTTPERR.\n',
      '| Tag | Driver |\n|:--|--:|\n| `Leak` | [bad.sys](https://example.com/bad) |\n',
      '- [ ] check the log\n- [x] restart\n\n1. one\n\n   two\n2. three\n',
      '![diagram](/a.png "t") <b>raw</b> ~~old~~ www.example.com and ops@example.com\n\n[ref]\n\n[ref]: https://example.com "T"\n',
      '# Title\n\n> quote\n> > nested\n\n```ps\nGet-Service\n```\n\n    indented\n\n***\n\nline  \nbreak\\\nend',
    ]
    for (const md of samples) {
      const tree = parseMarkdown(md)
      const before = structuredClone(tree)
      assert.ok(markdownHtml(tree).length > 0)
      assert.deepEqual(tree, before, md)
    }
  })
})

describe('parseMarkdown', () => {
  const reference = unified().use(remarkParse).use(remarkGfm)
  const remarkGfmTree = (md: string) => reference.runSync(reference.parse(md))

  it('gives the tree remark-gfm gives where a GFM construct hides behind a reference, an escape or a line break', () => {
    const samples = [
      'See www.example.com/a?b=1, https://example.com/x) and HTTP://EXAMPLE.COM.',
      'Mail ops@example.com, mailto:ops@example.com or xmpp:ops@example.com/desk; not `a@b.c` in code.',
      // The literal-link step reads text after references and escapes are decoded.
      'Write to ops&#64;example.com, ops&commat;example.com or see www&period;example.com and www\\.example.com.',
      'No link here: w3wp.exe, C:\\inetpub, 10.0.0.1:443 and **bold** text.\n\n| a | b |\n|---|---|\n| c@d.io | e |\n',
      // A table without a pipe, a task item whose box closes on the next line, a footnote, strikethrough.
      'Port\n:-\n\nHost\n-:\n\n- [\n  ] restart\n- [x] log\n\nSee[^1] ~~old~~ ~new~.\n\n[^1]: note',
      '',
    ]
    for (const md of samples) assert.deepEqual(parseMarkdown(md), remarkGfmTree(md), md)
    // The samples do hold the constructs: the comparison is not between two plain trees.
    const types = JSON.stringify(samples.map((md) => parseMarkdown(md)))
    for (const t of ['"link"', '"table"', '"footnoteReference"', '"delete"', '"checked":false']) assert.ok(types.includes(t), t)
  })

  it('gives the tree remark-gfm gives on every Markdown file of the bundled KB and the public corpora', async () => {
    const files = await markdownFiles([path.join(REPO, 'articles'), path.join(REPO, 'eval', 'corpora'), corporaDir()])
    assert.ok(files.length >= 30, `${files.length} Markdown files`) // 36 here, 289 with the shared corpora beside the repo
    for (const file of files) {
      const md = await readFile(file, 'utf8')
      assert.deepEqual(parseMarkdown(md), remarkGfmTree(md), file)
    }
  })

  it('gives the tree remark-gfm gives on generated Markdown built from the characters GFM reacts to', () => {
    const piece = fc.constantFrom(
      ...['a', 'w', 'x', 'X', 'h', '1', ' ', '  ', '\t', '\n', '\n\n', '.', ':', '/', '-', '|', '~', '~~', '[', ']', '^', '@', '&', '#', '\\', '*', '`', '>'],
      ...[
        'www.',
        'http://',
        'HTTPS://',
        'a@b.co',
        '&#64;',
        '&#x40;',
        '&commat;',
        '&period;',
        '\\.',
        '[^1]',
        '[^1]: ',
        '- [ ] ',
        '- [x] ',
        '* [',
        ':-',
        '-:',
        '---',
        '| a |',
        '\n|-|\n',
        '- ',
        '1. ',
        '    ',
      ],
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const md = pieces.join('')
        assert.deepEqual(parseMarkdown(md), remarkGfmTree(md))
      }),
      { numRuns: 3000 },
    )
  })
})

/** Every .md file under these folders (a missing folder holds none). */
async function markdownFiles(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
    for (const e of entries) if (e.isFile() && e.name.endsWith('.md')) out.push(path.join(e.parentPath, e.name))
  }
  return out.sort()
}

describe('footnotes', () => {
  it('every footnote link points at an element id that exists, prefixed once', () => {
    const { html } = renderMarkdown('Restart the pool[^1], then check the log[^log].\n\n[^1]: Recycling is not enough.\n[^log]: HTTPERR, not W3SVC.\n')
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
    const targets = [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]!)
    assert.equal(targets.length, 4)
    for (const t of targets) assert.ok(ids.has(t), `#${t} has no element; ids: ${[...ids].join(' ')}`)
    assert.doesNotMatch(html, /user-content-user-content-/)
    assert.match(html, /<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref/)
  })
})

describe('nesting depth (checked before parsing)', () => {
  const list = (levels: number, step = 2) => Array.from({ length: levels }, (_, i) => `${' '.repeat(step * i)}- item`).join('\n')

  it('finds the first line nested deeper than the limit, for quotes, lists and both mixed', () => {
    assert.deepEqual(findTooDeep(`a\n\n${'>'.repeat(3000)} x`), { line: 3, depth: 3000 })
    assert.deepEqual(findTooDeep(list(800)), { line: LIMITS.markdownNesting + 1, depth: LIMITS.markdownNesting + 1 })
    assert.deepEqual(findTooDeep(list(800, 4)), { line: LIMITS.markdownNesting + 1, depth: LIMITS.markdownNesting + 1 })
    assert.deepEqual(findTooDeep(`${'- '.repeat(40)}x`), { line: 1, depth: 40 })
    assert.deepEqual(findTooDeep(`${'> 1. '.repeat(20)}x`), { line: 1, depth: 40 })
    assert.deepEqual(findTooDeep(`${'\t'.repeat(40)}- tab-indented\n`.repeat(1)), undefined)
    // A lazy continuation line keeps the items open, so it must not reset the count.
    const lazy = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item\nlazy`).join('\n')
    assert.equal(findTooDeep(lazy)?.depth, LIMITS.markdownNesting + 1)
  })

  it('counts footnote definitions, which micromark nests at one indentation, and lines ended by a lone CR', () => {
    const footnotes = `[^0]: a\n${Array.from({ length: 3000 }, (_, i) => `    [^${i + 1}]: x`).join('\n')}`
    assert.deepEqual(findTooDeep(footnotes), { line: LIMITS.markdownNesting + 1, depth: LIMITS.markdownNesting + 1 })
    // The list item on the footnote's first line holds "- b" at column 6 on the next.
    assert.equal(findTooDeep('[^1]: - a\n      - b', 2)?.depth, 3)
    assert.deepEqual(findTooDeep(`a\r${'>'.repeat(40)}`), { line: 2, depth: 40 })
  })

  it('never counts fewer levels than the parser opens (random Markdown)', () => {
    const depth = nesting(new Set(['blockquote', 'listItem', 'footnoteDefinition']))
    const piece = fc.constantFrom(
      '> ',
      '>',
      ' > ',
      '- ',
      '-\t',
      '1. ',
      '2) ',
      '10. ',
      '* ',
      '+ ',
      '-',
      ' ',
      '  ',
      '   ',
      '    ',
      '      ',
      '\t',
      '\r',
      '[^1]: ',
      '[^a]:',
      '[^long-label]: ',
      '    [^1]: ',
      '```',
      '~~~',
      'x',
      '- x',
      '***',
      '| a |',
    )
    const markdown = fc
      .array(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        { maxLength: 20 },
      )
      .map((l) => l.join('\n'))
    fc.assert(
      fc.property(markdown, (text) => {
        const parsed = depth(parseMarkdown(text))
        return parsed === 0 || findTooDeep(text, parsed - 1) !== undefined
      }),
      { numRuns: 2000 },
    )
  })

  it('never counts fewer inline openers in a paragraph than the parser nests links and emphasis (random Markdown)', () => {
    const depth = nesting(new Set(['emphasis', 'strong', 'delete', 'link', 'image', 'linkReference', 'imageReference']))
    const piece = fc.constantFrom(
      '*',
      '**',
      '_',
      '__',
      '~',
      '~~',
      '***',
      '[',
      ']',
      '![',
      '](u)',
      '][a]',
      ' ',
      'a',
      '.',
      ',',
      '\\',
      '`',
      '\n',
      '\n\n',
      '> ',
      '- ',
      '\u00a0',
      '\ufeff',
      '(',
      ')',
      '"',
      '<',
      '>',
      '!',
      'é',
      '1',
      '[a]: u\n',
      '|',
      '\r',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
        (text) => {
          const parsed = depth(parseMarkdown(text))
          return parsed === 0 || findTooManyOpeners(text, parsed - 1) !== undefined
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('lets real articles through: siblings, separate lists, code', () => {
    const siblings = Array.from({ length: 500 }, () => '- item\n  - sub\n    1. step').join('\n')
    assert.equal(findTooDeep(siblings), undefined)
    assert.equal(findTooDeep(list(LIMITS.markdownNesting)), undefined)
    assert.equal(findTooDeep('```\n' + '    '.repeat(40) + 'deeply indented code\n```'), undefined)
    assert.equal(findTooDeep('*emphasis* and 2024 was a year\n\n---\n\n* * *'), undefined)
  })

  it('counts the inline openers of a paragraph: link brackets and emphasis marks that could open', () => {
    const limit = LIMITS.markdownInlineOpeners
    assert.deepEqual(findTooManyOpeners(`a\n\n${'!['.repeat(3000)}x${'](u)'.repeat(3000)}`), { line: 3, count: 3000 })
    assert.deepEqual(findTooManyOpeners(`${'*a '.repeat(limit)}\n*x`), { line: 2, count: limit + 1 })
    assert.deepEqual(findTooManyOpeners(`${'*'.repeat(limit + 1)}a${'*'.repeat(limit + 1)}`), { line: 1, count: limit + 1 })
    // Escaped marks, closing marks, "_" inside a word, and marks before a space open nothing.
    assert.equal(findTooManyOpeners(`${'\\[ a* ERROR_ACCESS_DENIED 2 * 3 '.repeat(limit)}`), undefined)
    // A blank line (or a quote's empty line) ends the paragraph.
    assert.equal(findTooManyOpeners(Array.from({ length: 10 }, () => '[a](u) '.repeat(limit / 2)).join('\n>\n')), undefined)
  })

  it('renderMarkdown refuses too deep Markdown at once, with a plain error instead of a stack overflow', () => {
    const started = Date.now()
    assert.throws(() => renderMarkdown(list(800)), {
      name: 'Error',
      message: `Markdown is nested more than ${LIMITS.markdownNesting} levels deep (line ${LIMITS.markdownNesting + 1})`,
    })
    assert.throws(() => renderMarkdown('>'.repeat(3000)), {
      name: 'Error',
      message: `Markdown is nested more than ${LIMITS.markdownNesting} levels deep (line 1)`,
    })
    assert.throws(() => renderMarkdown(`x\n${'*a '.repeat(3000)}x${' a*'.repeat(3000)}`), {
      name: 'Error',
      message: `Markdown has more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks between blank lines (line 2)`,
    })
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`)
  })
})

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { convertMarkup } from '../src/build/import/markup.js'
import { preprocessMsDocs } from '../src/build/import/msdocs.js'

/** Lines joined with LF: the samples read as the files they stand for. */
const md = (...lines: string[]): string => lines.join('\n')

describe('convertMarkup: Hugo shortcodes', () => {
  it('turns tabs into a bold line per tab, keeps details and unknown wrappers, drops icons', () => {
    const source = md(
      '## Error: `x509: certificate signed by unknown authority`',
      '',
      '{{< history >}}',
      '',
      '- Certificate checks moved to the runner in version 16.2.',
      '',
      '{{< /history >}}',
      '',
      'Trust the issuing authority on the runner host:',
      '',
      '{{< tabs >}}',
      '',
      '{{< tab title="Linux package" >}}',
      '',
      '1. Copy the CA file to `/etc/runner/certs/`.',
      '1. Restart the service.',
      '',
      '{{< /tab >}}',
      '',
      '{{< tab title="Helm chart" >}}',
      '',
      'Mount the CA file as a secret.',
      '',
      '{{< /tab >}}',
      '',
      '{{< /tabs >}}',
      '',
      '{{< details >}}',
      '',
      'The runner reads certificates only at start.',
      '',
      '{{< /details >}}',
      '',
      '1. Select **Retry** ({{< icon name="retry" >}}), then open the {{< icon name="ellipsis_h" >}} (more) menu.',
      '1. {{< icon name="warning-solid" >}} **Job failed** means the check did not pass.',
    )
    const { text, notes } = convertMarkup(source)
    assert.equal(
      text,
      md(
        '## Error: `x509: certificate signed by unknown authority`',
        '',
        '- Certificate checks moved to the runner in version 16.2.',
        '',
        'Trust the issuing authority on the runner host:',
        '',
        '**Linux package**',
        '',
        '1. Copy the CA file to `/etc/runner/certs/`.',
        '1. Restart the service.',
        '',
        '**Helm chart**',
        '',
        'Mount the CA file as a secret.',
        '',
        'The runner reads certificates only at start.',
        '',
        '1. Select **Retry**, then open the (more) menu.',
        '1. **Job failed** means the check did not pass.',
      ),
    )
    assert.deepEqual(notes, ['removed the tags of {{< history >}} shortcodes, kept their content', 'removed inline {{< icon >}} shortcodes'])
  })

  it('drops a tier and offering box, and says so', () => {
    const source = md(
      '# Troubleshooting package uploads',
      '',
      '{{< details >}}',
      '',
      '- Tier: Free, Premium',
      '- Offering: Self-managed',
      '',
      '{{< /details >}}',
      '',
      'Uploads fail when the disk is full.',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md('# Troubleshooting package uploads', '', 'Uploads fail when the disk is full.'),
      notes: ['dropped a tier/offering box ({{< details >}})'],
    })
  })

  it('turns an alert into a block quote with a bold label, inside a list item too', () => {
    const source = md(
      '1. Rotate the token:',
      '',
      '   {{< alert type="warning" >}}',
      '',
      '   Jobs that are running keep the old token',
      '   until they finish.',
      '',
      '   {{< /alert >}}',
      '',
      '1. Run the job again.',
      '',
      '{{< alert type="note" >}}',
      '',
      '```shell',
      'sudo runner verify',
      '```',
      '',
      '{{< /alert >}}',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md(
        '1. Rotate the token:',
        '',
        '   > **Warning:** Jobs that are running keep the old token',
        '   > until they finish.',
        '',
        '1. Run the job again.',
        '',
        '> **Note:**',
        '>',
        '> ```shell',
        '> sudo runner verify',
        '> ```',
      ),
      notes: [],
    })
  })
})

describe('convertMarkup: admonitions', () => {
  it('turns Docusaurus admonitions, titled and nested, into labelled block quotes', () => {
    const source = md(
      ':::note',
      'The cache is rebuilt at midnight.',
      ':::',
      '',
      '::::warning[Data loss]',
      'Deleting the volume removes every upload.',
      '',
      ':::tip',
      'Take a snapshot first.',
      ':::',
      '::::',
      '',
      'After the admonitions.',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md(
        '> **Note:** The cache is rebuilt at midnight.',
        '',
        '> **Data loss:** Deleting the volume removes every upload.',
        '>',
        '> > **Tip:** Take a snapshot first.',
        '',
        'After the admonitions.',
      ),
      notes: [],
    })
  })

  it('turns MkDocs admonitions (indented content) and VitePress containers into labelled block quotes', () => {
    const source = md(
      '!!! warning "Before you start"',
      '    Stop the indexer first.',
      '',
      '    ```shell',
      '    sudo systemctl stop indexer',
      '    ```',
      '',
      '??? note',
      '    Collapsed by default.',
      'Back to the page.',
      '',
      '::: tip Faster restarts',
      'Keep the cache volume.',
      ':::',
      '',
      '::: details',
      'The worker log is under `/var/log/worker`.',
      ':::',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md(
        '> **Before you start:** Stop the indexer first.',
        '>',
        '> ```shell',
        '> sudo systemctl stop indexer',
        '> ```',
        '',
        '> **Note:** Collapsed by default.',
        '',
        'Back to the page.',
        '',
        '> **Faster restarts:** Keep the cache volume.',
        '',
        '> **Details:** The worker log is under `/var/log/worker`.',
      ),
      notes: [],
    })
  })

  it('turns NOTE: and WARNING: paragraphs into labelled block quotes, and leaves the label inside a sentence alone', () => {
    const source = md(
      'NOTE:',
      'Replication lag above 5 minutes',
      'is reported as an error.',
      '',
      '1. Stop the secondary.',
      '',
      '   WARNING: Stopping it during a sync corrupts the `pg_wal` segment.',
      '',
      'The log says NOTE: this is informational.',
      'WARNING: a line that continues a paragraph is text.',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md(
        '> **Note:** Replication lag above 5 minutes',
        '> is reported as an error.',
        '',
        '1. Stop the secondary.',
        '',
        '   > **Warning:** Stopping it during a sync corrupts the `pg_wal` segment.',
        '',
        'The log says NOTE: this is informational.',
        'WARNING: a line that continues a paragraph is text.',
      ),
      notes: [],
    })
  })

  it('drops a DETAILS: tier box, and keeps a DETAILS: block that says more', () => {
    const source = md('DETAILS:', '**Tier:** Premium', '**Offering:** Self-managed', '', 'Intro text.', '', 'DETAILS:', 'Mirrors are checked every 30 minutes.')
    assert.deepEqual(convertMarkup(source), {
      text: md('Intro text.', '', 'Mirrors are checked every 30 minutes.'),
      notes: ['dropped a tier/offering box ("DETAILS:")', 'removed a "DETAILS:" line, kept its content'],
    })
  })

  it('turns the older ::Tabs markup into bold tab titles, indented in a list item', () => {
    const source = md(
      '1. Check the health of the service:',
      '',
      '   ::Tabs',
      '',
      '   :::TabTitle Version 17 and later',
      '',
      '   Open the health page.',
      '',
      '   :::TabTitle Version 16',
      '',
      '   Run `health_check --verbose`.',
      '',
      '   ::EndTabs',
      '',
      '1. Restart.',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md(
        '1. Check the health of the service:',
        '',
        '   **Version 17 and later**',
        '',
        '   Open the health page.',
        '',
        '   **Version 16**',
        '',
        '   Run `health_check --verbose`.',
        '',
        '1. Restart.',
      ),
      notes: [],
    })
  })

  it('leaves GitHub alerts to preprocessMsDocs, which labels them', () => {
    const source = md('> [!warning]', '> Regenerating codes invalidates the old ones.')
    const { text } = convertMarkup(source)
    assert.equal(text, source)
    assert.equal(preprocessMsDocs(text).text, md('> **Warning**', '> Regenerating codes invalidates the old ones.'))
  })
})

describe('convertMarkup: comments and badges', () => {
  it('drops HTML comments (linter toggles, editor notes over several lines) and keeps the text around them', () => {
    const source = md(
      '<!-- lint disable = NO -->',
      '',
      'Run `reindex --all` <!-- keep in sync with the CLI help --> after the upgrade.',
      '',
      '<!--- Other topics to write:',
      '- NOTE: stale cache',
      '-->',
      '',
      '## Next',
      '',
      '<!-- single line -->',
    )
    assert.deepEqual(convertMarkup(source), {
      text: md('Run `reindex --all` after the upgrade.', '', '## Next'),
      notes: ['removed HTML comments'],
    })
  })

  it('drops a bold tier badge at the end of a heading', () => {
    assert.deepEqual(convertMarkup(md('# Troubleshooting replication **(PREMIUM SELF)**', '', 'Text about **(THIS)** stays.')), {
      text: md('# Troubleshooting replication', '', 'Text about **(THIS)** stays.'),
      notes: ['removed a tier badge from a heading: **(PREMIUM SELF)**'],
    })
  })
})

describe('convertMarkup: code is never touched', () => {
  it('keeps every form inside fenced blocks (``` and ~~~, in list items) and code spans as written', () => {
    const source = md(
      '```markdown',
      '{{< alert type="note" >}}',
      'NOTE:',
      ':::note',
      '[!INCLUDE [x](inc/x.md)]',
      '::Tabs',
      '```',
      '',
      '- ~~~text',
      '  DETAILS:',
      '  **Tier:** Free',
      '  ~~~',
      '',
      'Write `{{< icon name="retry" >}}` or `[!INCLUDE [x](inc/x.md)]` or `<!-- x -->` literally.',
      '',
      '```html',
      '<!-- a comment in code -->',
      '```',
    )
    assert.deepEqual(convertMarkup(source, { readInclude: () => 'included' }), { text: source, notes: [] })
  })
})

describe('convertMarkup: includes', () => {
  const files: Record<string, string> = {
    '../includes/restart.md': md('---', 'title: restart', '---', '', 'Restart the service:', '', '```shell', 'sudo systemctl restart webapp', '```', ''),
    '../includes/product.md': 'Contoso Web Server',
    '../includes/outer.md': 'Outer text.\n\n[!INCLUDE [inner](nested/inner.md)]',
    '../includes/nested/inner.md': 'Inner text, read relative to the file that includes it.',
    '../includes/a.md': 'A includes B.\n\n[!INCLUDE [b](b.md)]',
    '../includes/b.md': 'B includes A.\n\n[!INCLUDE [a](a.md)]',
    'd1.md': '[!INCLUDE[d2](d2.md)]',
    'd2.md': '[!INCLUDE[d3](d3.md)]',
    'd3.md': '[!INCLUDE[d4](d4.md)]',
    'd4.md': 'Too deep.',
  }
  const readInclude = (rel: string): string | undefined => files[rel]

  it('inlines a standalone include without its frontmatter, and an inline one as text', () => {
    const source = md('Applies to [!INCLUDE [product](../includes/product.md)] 2.0.', '', '> [!INCLUDE [restart](../includes/restart.md)]')
    assert.deepEqual(convertMarkup(source, { readInclude }), {
      text: md('Applies to Contoso Web Server 2.0.', '', '> Restart the service:', '>', '> ```shell', '> sudo systemctl restart webapp', '> ```'),
      notes: [],
    })
  })

  it('resolves an include inside an included file against that file', () => {
    assert.equal(
      convertMarkup('[!INCLUDE [outer](../includes/outer.md)]', { readInclude }).text,
      md('Outer text.', '', 'Inner text, read relative to the file that includes it.'),
    )
  })

  it('drops an include cycle and includes nested more than 3 deep, with a note', () => {
    assert.deepEqual(convertMarkup('[!INCLUDE [a](../includes/a.md)]', { readInclude }), {
      text: md('A includes B.', '', 'B includes A.'),
      notes: ['dropped an include that includes itself: [!INCLUDE [a](a.md)] (../includes/a.md -> ../includes/b.md -> ../includes/a.md)'],
    })
    assert.deepEqual(convertMarkup('[!INCLUDE[d1](d1.md)]', { readInclude }), {
      text: '',
      notes: ['dropped an include nested more than 3 levels deep: [!INCLUDE [d4](d4.md)]'],
    })
  })

  it('leaves an include it cannot read to preprocessMsDocs, which drops it with a note', () => {
    const source = md('Check the application pool first.', '', '[!INCLUDE [missing](../includes/missing.md)]')
    assert.deepEqual(convertMarkup(source, { readInclude }), { text: source, notes: [] })
    assert.deepEqual(convertMarkup(source), { text: source, notes: [] })
    const msdocs = preprocessMsDocs(source)
    assert.equal(msdocs.text, md('Check the application pool first.', ''))
    assert.deepEqual(msdocs.notes, ['dropped an include the importer cannot expand: [!INCLUDE [missing](../includes/missing.md)]'])
  })
})

describe('convertMarkup: any mix of forms', () => {
  // Lines of every form, and the ones that end or interrupt them, in any order.
  const LINES = [
    '{{< tabs >}}',
    '{{< tab title="A" >}}',
    '{{< /tab >}}',
    '{{< /tabs >}}',
    '{{< alert type="note" >}}',
    '{{< /alert >}}',
    '{{< details >}}',
    '{{< /details >}}',
    '- Tier: Free',
    ':::note',
    ':::',
    '::::warning[T]',
    '::::',
    '::: tip',
    '!!! note "x"',
    '    indented',
    '::Tabs',
    ':::TabTitle X',
    '::EndTabs',
    'NOTE:',
    'WARNING: w',
    'DETAILS:',
    '**Tier:** Free',
    '[!INCLUDE [a](a.md)]',
    'text [!INCLUDE [b](b.md)] more',
    '<!-- c',
    '-->',
    '<!-- x --> y',
    '# H **(FREE)**',
    '```',
    '~~~',
    '- ```',
    '',
    'plain `{{< icon >}}` text',
    '> quoted',
    '   {{< alert type="warning" >}}',
    '1. item',
    '   NOTE: in a list',
  ]
  const files: Record<string, string> = { 'a.md': 'A [!INCLUDE [b](b.md)]', 'b.md': '---\nt: 1\n---\nB\n\n[!INCLUDE [a](a.md)]' }
  const readInclude = (p: string): string | undefined => files[p]

  it('leaves nothing to convert: a second pass changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), (lines) => {
        const once = convertMarkup(lines.join('\n'), { readInclude }).text
        assert.equal(convertMarkup(once, { readInclude }).text, once)
      }),
      { numRuns: 500 },
    )
  })
})

describe('convertMarkup: cost', () => {
  // A quadratic scan of 200,000 characters takes minutes; linear takes well under a second, so a
  // generous bound holds on a loaded machine and still fails the quadratic case.
  it('stays linear on long lines of unclosed openers', () => {
    for (const unit of ['{{< x ', '[!INCLUDE [', '`a ', ':::note ', '<!-- a -', '# t **(A'] as const) {
      const source = unit.repeat(Math.ceil(200_000 / unit.length))
      const start = performance.now()
      convertMarkup(source, { readInclude: () => undefined })
      assert.ok(performance.now() - start < 5000, `${JSON.stringify(unit)} x ${source.length / unit.length} took ${performance.now() - start} ms`)
    }
  })
})

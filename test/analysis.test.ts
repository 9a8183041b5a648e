import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import lunr from 'lunr'
import { configureBuilder } from '../src/core/analysis/pipeline.js'
import { Synonyms } from '../src/core/analysis/synonyms.js'
import { analyzeText, analyzeToken, expandIdentifier, stem } from '../src/core/analysis/terms.js'
import { kbTokenizer, splitText } from '../src/core/analysis/tokenize.js'

describe('tokenizer', () => {
  it('keeps identifiers whole and splits on punctuation that never belongs to one', () => {
    assert.deepEqual(splitText('Error (0x80070005): "Access is denied." at C:\\inetpub\\logs, Sm_AgentApi_Init;500.19'), [
      'Error',
      '0x80070005',
      ':',
      'Access',
      'is',
      'denied.',
      'at',
      'C:\\inetpub\\logs',
      'Sm_AgentApi_Init',
      '500.19',
    ])
  })

  it('returns Lunr tokens with positions', () => {
    const tokens = kbTokenizer('HTTP 500.19 error', { fields: ['body'] })
    assert.deepEqual(
      tokens.map((t) => [t.toString(), (t as unknown as { metadata: { position: number[] } }).metadata.position]),
      [
        ['HTTP', [0, 4]],
        ['500.19', [5, 6]],
        ['error', [12, 5]],
      ],
    )
  })
})

describe('term analysis', () => {
  const cases: Array<[string, string[]]> = [
    ['Sm_AgentApi_Init', ['sm_agentapi_init', 'sm', 'agentapi', 'agent', 'api', 'init']],
    ['7_Connections_Refused', ['7_connections_refused', 'connections_refused', 'connect', 'refus']],
    ['0x80070005', ['0x80070005']],
    ['500.19', ['500.19', '500', '19']],
    ['C:\\inetpub\\logs', ['c:\\inetpub\\logs', 'inetpub', 'log']],
    ['System.Web.HttpException', ['system.web.httpexception', 'system', 'web', 'httpexcept', 'http', 'except']],
    ['ERROR_INVALID_HANDLE', ['error_invalid_handle', 'error', 'invalid', 'handl']],
    ['bmnet.dll', ['bmnet.dll', 'bmnet', 'dll']],
    ['(ECONNRESET),', ['econnreset']],
    ['the', []],
    ['not', ['not']],
  ]
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected.join(' ') || '(dropped)'}`, () => assert.deepEqual(analyzeToken(input), expected))
  }

  it('never stems codes or identifiers', () => {
    assert.equal(stem('0x80070005'), '0x80070005')
    assert.equal(stem('llawp'), 'llawp')
    assert.equal(stem('connections'), 'connect')
  })

  it('expands a counter-prefixed HTTPERR reason to the bare reason', () => {
    assert.ok(expandIdentifier('12_Connections_Refused').includes('connections_refused'))
  })
})

describe('Lunr pipeline registration', () => {
  it('a serialized index loads again and finds identifiers whole and by part', () => {
    const idx = lunr(function () {
      configureBuilder(this)
      this.ref('id')
      this.field('text')
      this.add({ id: 'a', text: 'Event Viewer: Sm_AgentApi_Init Failed' })
      this.add({ id: 'b', text: 'HTTP Error 500.19 with 0x8007000d' })
    })
    const loaded = lunr.Index.load(JSON.parse(JSON.stringify(idx)))
    assert.deepEqual(
      loaded.search('Sm_AgentApi_Init').map((r) => r.ref),
      ['a'],
    )
    assert.deepEqual(
      loaded.search('agentapi').map((r) => r.ref),
      ['a'],
    )
    assert.deepEqual(
      loaded.search('500.19').map((r) => r.ref),
      ['b'],
    )
    assert.deepEqual(
      loaded.search('0x8007000d').map((r) => r.ref),
      ['b'],
    )
  })
})

describe("built-in synonyms: a stop in the user's own words", () => {
  const terms = (text: string) => analyzeText(text, Synonyms.from(), 'query')
  // Two real issue titles for one kind of problem: n8n-io/n8n#13974 and concourse/concourse#2089.
  const noLonger = 'Triggers that categorize webhook no longer fire since the upgrade.'
  const stopped = 'Webhooks stopped working in 3.9.1'
  it('"no longer" is read as "stopped", on both sides', () => {
    assert.ok(terms(noLonger).includes('stop'), terms(noLonger).join(' '))
    assert.ok(terms(stopped).includes('stop'))
    assert.ok(analyzeText(noLonger, Synonyms.from(), 'index').includes('stop'))
  })
  it('and is not the "no" of an absence (git describe: `No names found`)', () => {
    assert.ok(!terms(noLonger).includes('no'), terms(noLonger).join(' '))
    assert.ok(terms('fatal: No names found, cannot describe anything.').includes('no'))
  })
})

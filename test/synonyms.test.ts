/**
 * Synonyms: the built-in abbreviations (each entry, both ways), a KB's synonyms.yml (lint, build,
 * search, match, the artifact), and the analysis that applies them alike to articles and queries.
 */
import assert from 'node:assert/strict'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import lunr from 'lunr'
import { BUILTIN_SYNONYMS } from '../src/core/analysis/abbreviations.js'
import { configureBuilder } from '../src/core/analysis/pipeline.js'
import { BUILTIN_ONLY, Synonyms, type SynonymSource } from '../src/core/analysis/synonyms.js'
import { analyzeText } from '../src/core/analysis/terms.js'
import { splitText } from '../src/core/analysis/tokenize.js'
import { compactFromBuilder, SearchEngine, type Clause } from '../src/core/engine/engine.js'
import { clauseTerms } from '../src/core/engine/plan.js'
import { search } from '../src/core/search/search.js'
import { artifactPayload, parseArtifact, serializeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { loadArticles } from '../src/build/content/load.js'
import { formatProblem } from '../src/build/content/problems.js'
import { parseSynonyms } from '../src/build/content/synonyms.js'
import { LIMITS } from '../src/limits.js'
import { kbFrom } from './helpers/kb.js'
import { tempDir } from './helpers/temp.js'

const NONE: SynonymSource = { builtin: false, groups: [], oneWay: [] }
const OPTIONAL = lunr.Query.presence.OPTIONAL

/** An engine over one field, one document per text, analyzed with the given synonyms. */
function engineOf(texts: string[], source: SynonymSource): SearchEngine {
  const builder = new lunr.Builder()
  configureBuilder(builder, Synonyms.from(source))
  builder.ref('id')
  builder.field('text')
  texts.forEach((text, i) => builder.add({ id: String(i), text }))
  return new SearchEngine({
    ...compactFromBuilder(
      builder,
      ['text'],
      texts.map(String).map((_, i) => String(i)),
    ),
    synonyms: source,
  })
}

/** The documents a plain-words query finds (as a search box sends it). */
function found(engine: SearchEngine, q: string): number[] {
  const clauses: Clause[] = splitText(q).map((term) => ({ term, fields: [0], boost: 1, usePipeline: true, wildcard: 0, editDistance: 0, presence: OPTIONAL }))
  return engine
    .evaluate(clauses)
    .hits.map((h) => h.doc)
    .sort((a, b) => a - b)
}

describe('built-in synonyms: every entry, both ways', () => {
  // One sentence per entry, as a user would write it; each entry's query must find every sentence of its group.
  const entries = BUILTIN_SYNONYMS.flatMap((group, g) => group.map((term) => ({ g, term, text: `Since Monday the ${term} keeps failing on two hosts` })))
  const withSynonyms = engineOf(
    entries.map((e) => e.text),
    BUILTIN_ONLY,
  )
  const without = engineOf(
    entries.map((e) => e.text),
    NONE,
  )
  for (const [g, group] of BUILTIN_SYNONYMS.entries()) {
    it(group.join(' = '), () => {
      const docs = entries.flatMap((e, i) => (e.g === g ? [i] : []))
      for (const term of group) {
        const hits = new Set(found(withSynonyms, term))
        for (const d of docs) assert.ok(hits.has(d), `"${term}" finds "${entries[d]!.text}"`)
      }
      // Without synonyms some entry of the group misses another: the list is what finds them.
      assert.ok(
        group.some((term) => docs.some((d) => !found(without, term).includes(d))),
        'without synonyms every entry already finds the others',
      )
    })
  }

  it('the list is valid as a synonyms.yml would be: no term twice, none empty, within the limits', () => {
    const yml = BUILTIN_SYNONYMS.map((g) => `- [${g.join(', ')}]`).join('\n')
    assert.deepEqual(parseSynonyms(yml).problems.map(formatProblem), [])
  })
})

describe('synonym analysis', () => {
  const builtin = Synonyms.from()

  it('reads variants as the canonical form, phrases included, longest first', () => {
    assert.deepEqual(analyzeText('The app pool crashed', builtin), analyzeText('The application pool crashed'))
    assert.deepEqual(analyzeText('DefaultAppPool: apppool recycled', builtin), ['defaultapppool', 'default', 'applic', 'pool', 'applic', 'pool', 'recycl'])
    assert.deepEqual(analyzeText('sent an e-mail', builtin), analyzeText('sent an email', builtin))
    assert.deepEqual(analyzeText('the VM on the k8s node', builtin), ['virtual', 'machin', 'kubernet', 'node'])
    assert.deepEqual(analyzeText('certs expired', builtin), ['certif', 'expir'], 'a plural is its stem, and the stem is the entry')
  })

  it('keeps stop words inside a phrase: "log in" is login, a lone "log" stays a log', () => {
    assert.deepEqual(analyzeText('cannot log in to the portal', builtin), ['cannot', 'login', 'portal'])
    assert.deepEqual(analyzeText('the log is empty', builtin), ['log', 'empti'])
    assert.deepEqual(analyzeText('users must sign in again', builtin), ['user', 'login', 'again'])
    assert.deepEqual(analyzeText('the request timed out', builtin), ['request', 'time', 'out'], 'a failure that happened is not the setting: no timeout entry')
  })

  it('without synonyms, the analysis is the plain chain', () => {
    assert.deepEqual(analyzeText('db conn err'), ['db', 'conn', 'err'])
    assert.deepEqual(analyzeText('db conn err', builtin), ['databas', 'connect', 'error'])
  })

  it('applies a one-way rule to queries only, adding the target to what was written', () => {
    const s = Synonyms.from({ builtin: false, groups: [], oneWay: [{ from: ['locked out'], to: 'account lockout' }] })
    assert.deepEqual(analyzeText('user locked out', s, 'query'), ['user', 'lock', 'out', 'account', 'lockout'])
    assert.deepEqual(analyzeText('user locked out', s, 'index'), ['user', 'lock', 'out'])
    assert.deepEqual(analyzeText('account lockout', s, 'query'), ['account', 'lockout'], 'not the reverse')
  })

  it('a KB group overrides the built-in meaning of its terms', () => {
    const s = Synonyms.from({ builtin: true, groups: [['distribution list', 'dl', 'mail list']], oneWay: [] })
    assert.deepEqual(analyzeText('the mail list bounced', s), ['distribut', 'list', 'bounc'])
    assert.deepEqual(analyzeText('mail bounced', s), ['email', 'bounc'])
  })

  it('a phrase is found across the words of a query, and what it adds counts against the expansion budget', () => {
    const clauses: Clause[] = ['app', 'pool', 'vm'].map((term) => ({
      term,
      fields: [0],
      boost: 1,
      usePipeline: true,
      wildcard: 0,
      editDistance: 0,
      presence: OPTIONAL,
    }))
    const budget = { terms: LIMITS.queryExpansions, steps: LIMITS.expansionSteps, cut: false }
    assert.deepEqual(clauseTerms(clauses, Synonyms.from(), budget), [['applic', 'pool'], [], ['virtual', 'machin']])
    assert.equal(budget.terms, LIMITS.queryExpansions - 1, '"vm" became two terms: one more')
    const poor = { terms: 0, steps: LIMITS.expansionSteps, cut: false }
    assert.deepEqual(clauseTerms(clauses, Synonyms.from(), poor), [['app'], ['pool'], ['vm']])
    assert.equal(poor.cut, true)
  })
})

const article = (id: string, title: string, symptoms: string[], resolution: string): string =>
  [
    '---',
    `id: ${id}`,
    `title: ${title}`,
    'symptoms:',
    ...symptoms.map((s) => `  - "${s}"`),
    'environment: [Corporate web portal behind an identity provider]',
    'cause: Written for the synonyms test.',
    `resolution: ${resolution}`,
    '---',
    '',
    `${title}.`,
    '',
  ].join('\n')

const ARTICLES: Record<string, string> = {
  'portal-sso-redirect-loop.md': article(
    'portal-sso-redirect-loop',
    'Portal sends users round in circles after single sign-on',
    ['After single sign-on the browser goes back to the identity provider again and again', 'The portal never shows the home page after sign-on'],
    'Set the cookie domain of the portal to the domain the identity provider redirects to.',
  ),
  'relay-rejects-outbound.md': article(
    'relay-rejects-outbound',
    'Mail relay refuses outbound messages from the portal',
    ['Notifications are not delivered and the relay answers 550 relaying denied', 'The relay log shows the portal server as not permitted'],
    'Add the portal server to the relay connector allowed senders.',
  ),
  'account-lockout-policy.md': article(
    'account-lockout-policy',
    'Account lockout after repeated wrong passwords from a stale session',
    ['The directory records an account lockout for the user every morning'],
    'Sign out the stale session on the shared kiosk, then unlock the account.',
  ),
  'kiosk-stale-session.md': article(
    'kiosk-stale-session',
    'Kiosk keeps a stale session open overnight',
    ['The kiosk browser is still signed in the next morning and users are locked out'],
    'Set an idle sign-out on the kiosk profile.',
  ),
}

const SYNONYMS_YML = [
  '- [single sign-on, sso, saml login]',
  '- [mail relay, smart host, smtp relay]',
  '- one-way: {from: [locked out], to: account lockout}',
  '',
].join('\n')

/** The same four articles, with and without the KB's synonyms.yml. */
async function kbs() {
  const root = await tempDir('kb-syn-')
  const dirs = { with: path.join(root, 'with'), without: path.join(root, 'without') }
  for (const dir of Object.values(dirs)) {
    await mkdir(dir)
    for (const [name, text] of Object.entries(ARTICLES)) await writeFile(path.join(dir, name), text)
  }
  await writeFile(path.join(dirs.with, 'synonyms.yml'), SYNONYMS_YML)
  return { dirs, with: await kbFrom(dirs.with), without: await kbFrom(dirs.without) }
}
const built = kbs()

const ids = (r: { results: Array<{ id: string }> }): string[] => r.results.map((h) => h.id)

describe("a KB's synonyms.yml", () => {
  it('changes search results: a variant finds the articles that use another form', async () => {
    const { with: kb, without } = await built
    const q = (k: typeof kb, text: string) => ids(search(k.artifact, { q: text, limit: 5, offset: 0 }))
    assert.deepEqual(q(without, 'smart host'), [])
    assert.deepEqual(q(kb, 'smart host'), ['relay-rejects-outbound'])
    assert.deepEqual(q(without, 'sso'), [])
    assert.deepEqual(q(kb, 'sso'), ['portal-sso-redirect-loop'])
    assert.deepEqual(q(kb, 'saml login loop'), ['portal-sso-redirect-loop'], 'a phrase of the group, typed as two words')
    // One-way: "locked out" also finds the lockout article; "account lockout" does not find the kiosk one.
    assert.deepEqual(q(kb, 'locked out').sort(), ['account-lockout-policy', 'kiosk-stale-session'])
    assert.deepEqual(q(without, 'locked out'), ['kiosk-stale-session'])
    assert.deepEqual(q(kb, 'account lockout'), ['account-lockout-policy'])
  })

  it('changes match results: a problem described with other words than the symptoms', async () => {
    const { with: kb, without } = await built
    const paste = 'users say after the SAML login the browser just bounces back to the identity provider'
    const a = kb.matcher.match({ text: paste, limit: 3 })
    const b = without.matcher.match({ text: paste, limit: 3 })
    assert.equal(a.results[0]?.id, 'portal-sso-redirect-loop')
    const before = b.results.find((r) => r.id === 'portal-sso-redirect-loop')
    assert.ok(a.results[0]!.score > (before?.score ?? 0), `score ${a.results[0]!.score} with synonyms, ${before?.score} without`)
    assert.ok(
      a.results[0]!.matchedSymptoms.some((s) => s.symptom.startsWith('After single sign-on')),
      'the symptom that says "single sign-on" is the one matched',
    )
    const relay = kb.matcher.match({ text: 'smtp relay says 550 relaying denied for the portal notifications', limit: 1 })
    assert.equal(relay.results[0]?.id, 'relay-rejects-outbound')
  })

  it('travels in the artifact: loaded back, and handed to another thread, queries read it the same', async () => {
    const { dirs } = await built
    const { bytes } = await buildFromFolder(dirs.with)
    const loaded = parseArtifact(bytes, 'memory')
    const expected = {
      builtin: true,
      groups: [
        ['single sign-on', 'sso', 'saml login'],
        ['mail relay', 'smart host', 'smtp relay'],
      ],
      oneWay: [{ from: ['locked out'], to: 'account lockout' }],
    }
    assert.deepEqual(loaded.index.synonyms.source, expected)
    const copy = new SearchEngine(structuredClone(loaded.index.parts()))
    assert.deepEqual(copy.synonyms.source, expected)
    assert.deepEqual(
      found(copy, 'smart host').map((d) => loaded.articles[d]!.id),
      ['relay-rejects-outbound'],
    )
  })

  it('a stored synonyms part of the wrong shape is refused at load', async () => {
    const { dirs } = await built
    const { bytes } = await buildFromFolder(dirs.with)
    const payload = artifactPayload(Buffer.from(bytes))
    payload.index.synonyms = { builtin: true, groups: [['lonely']], oneWay: [] }
    assert.throws(() => parseArtifact(serializeArtifact(payload), 'edited.kb'), /a synonym group is not a list of 2 or more terms/)
  })
})

describe('synonyms.yml lint', () => {
  it('reports every problem on one line with its place', () => {
    const text = [
      '- [sso, single sign-on]', // 1
      '- [db]', // 2
      '- []', // 3
      '- [SSO, saml]', // 4: sso again
      '- [the, an]', // 5
      '- [a b c d e f g, seven]', // 6
      '- just a word', // 7
      '- one-way: {from: [wp], to: worker process, also: x}', // 8
      '- oneway: {from: [a1], to: b1}', // 9
      '- one-way: {from: [lockouts]}', // 10
      '- [[nested], x]', // 11
      `- [${Array.from({ length: LIMITS.synonymGroupTerms + 1 }, (_, i) => `term${i}`).join(', ')}]`, // 12
      '- [Single Sign-On, single-sign-on-service]', // 13: the first is sso's group's term again
    ].join('\n')
    assert.deepEqual(parseSynonyms(text, 'kb/synonyms.yml').problems.map(formatProblem), [
      'kb/synonyms.yml:2 synonyms[1]: a group needs at least 2 equivalent terms, got 1',
      'kb/synonyms.yml:3 synonyms[2]: empty list; list at least 2 equivalent terms',
      'kb/synonyms.yml:4 synonyms[3][0]: "SSO" is already in synonyms[0] (line 1); a term belongs to one group or rule',
      'kb/synonyms.yml:5 synonyms[4][0]: "the" has no searchable word (only stop words or punctuation)',
      'kb/synonyms.yml:5 synonyms[4][1]: "an" has no searchable word (only stop words or punctuation)',
      'kb/synonyms.yml:6 synonyms[5][0]: "a b c d e f g" has 7 words, a term at most 6',
      'kb/synonyms.yml:7 synonyms[6]: must be a list of equivalent terms ("- [sso, single sign-on]") or a one-way rule ("- one-way: {from: [sso], to: single sign-on}")',
      'kb/synonyms.yml:8 synonyms[7].one-way.also: unknown key (known: from, to)',
      'kb/synonyms.yml:9 synonyms[8].oneway: unknown key (known: one-way)',
      'kb/synonyms.yml:10 synonyms[9].one-way: "to" is missing',
      'kb/synonyms.yml:11 synonyms[10][0]: must be a term (text), got a list',
      `kb/synonyms.yml:12 synonyms[11]: has ${LIMITS.synonymGroupTerms + 1} terms, at most ${LIMITS.synonymGroupTerms}`,
      'kb/synonyms.yml:13 synonyms[12][0]: "Single Sign-On" is already in synonyms[0] (line 1); a term belongs to one group or rule',
    ])
  })

  it('reports a file that is not a list, and invalid YAML, with the line', () => {
    assert.deepEqual(parseSynonyms('sso: single sign-on\n').problems.map(formatProblem), [
      'synonyms.yml:1 synonyms: must be a list; each item a list of equivalent terms ("- [sso, single sign-on]") or a one-way rule ("- one-way: {from: [sso], to: single sign-on}")',
    ])
    assert.deepEqual(parseSynonyms('- [sso, single sign-on]\n- [db, database\n').problems.map(formatProblem), [
      'synonyms.yml:3 yaml: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ])
    assert.deepEqual(parseSynonyms('# nothing yet\n').problems, [], 'an empty file is no synonyms, not an error')
  })

  it("kb lint and build see it: its problems are the folder's, and an error stops the build", async () => {
    const dir = await tempDir('kb-syn-lint-')
    await writeFile(path.join(dir, 'relay-rejects-outbound.md'), ARTICLES['relay-rejects-outbound.md']!)
    await writeFile(path.join(dir, 'synonyms.yml'), '- [smart host, mail relay]\n- [relay]\n')
    const { problems, synonyms } = await loadArticles(dir, 'kb')
    assert.deepEqual(problems.map(formatProblem), ['kb/synonyms.yml:2 synonyms[1]: a group needs at least 2 equivalent terms, got 1'])
    assert.deepEqual(synonyms.groups, [['smart host', 'mail relay']], 'the valid groups are kept')
    await assert.rejects(buildFromFolder(dir), { name: 'ContentError' })
  })
})

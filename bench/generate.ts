/**
 * A seeded generator of realistic troubleshooting KBs in this project's article format
 * (docs/article-format.md): titles, 2-5 symptoms quoting error text with codes (HRESULTs, HTTP
 * status.substatus, Event IDs, exception classes, ERROR_* names, component files, product
 * message ids), environment lines, cause and resolution Markdown, a body of a few paragraphs,
 * products, tags, error_codes and references.
 *
 * Word choice is skewed (a few words and codes everywhere, most rarely), and every article adds
 * identifiers of its own (a random HRESULT, a message id, a component), so the term statistics
 * look like a vendor KB: a head of common words and a long tail of rare identifiers.
 *
 * Deterministic: article i depends only on (seed, i), so the same seed and count give
 * byte-identical files, and a smaller KB is a prefix of a larger one.
 *
 *   node --import tsx bench/generate.ts --count 1000 --seed 42 --out /tmp/kb-1000
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { mixSeed, Rng } from './prng.js'
import {
  CHATTER,
  COMMON_EVENT_IDS,
  COMMON_EXCEPTIONS,
  COMMON_WORDS,
  CONDITIONS,
  CRASH_CODES,
  EXCEPTION_KINDS,
  EXCEPTION_STEMS,
  FAILURE_VERBS,
  HOSTNAMES,
  HRESULTS,
  HTTP_STATUSES,
  HTTP_SUBSTATUSES,
  ID_STEMS,
  ID_SUFFIXES,
  K8S_REASONS,
  LOAD_BALANCERS,
  LOGGERS,
  NOUNS,
  OPERATING_SYSTEMS,
  PAST,
  PROSE,
  POSTGRES_STATES,
  PRODUCTS,
  type ProductDef,
  SQL_ERRORS,
  STATES,
  THREADS,
  TOPOLOGIES,
  TRIGGERS,
  UNIX_OS,
  USERS,
  VENDOR_DIRS,
  VERBS,
  WIN32_NAMES,
  WINDOWS_OS,
} from './vocab.js'

export const DEFAULT_SEED = 42

/** One generated article: the fields of its frontmatter and body, plus what the benchmark needs. */
export interface GeneratedArticle {
  id: string
  /** Path relative to the KB folder, `/`-separated. */
  file: string
  title: string
  products: string[]
  tags: string[]
  errorCodes: string[]
  symptoms: string[]
  environment: string[]
  cause: string
  resolution: string
  references: Array<{ title: string; url: string }>
  updated: string
  body: string
  /** Symptoms that quote error text with a code, verbatim (placeholders unfilled): paste material. */
  errorLines: string[]
}

/** Pools derived from the seed once, shared by every article: the middle of the distribution. */
interface SharedPools {
  /** Per product: synthetic component files (`SmPolicyBroker.dll`). */
  components: Map<string, string[]>
  /** Per product: synthetic exception classes. */
  exceptions: Map<string, string[]>
  /** Synthetic ERROR_* names. */
  errorNames: string[]
  /** Per product: message ids with their message text. */
  messages: Map<string, Array<[string, string]>>
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const gerund = (v: string) => (v.endsWith('e') ? `${v.slice(0, -1)}ing` : v === 'commit' ? 'committing' : `${v}ing`)

/** The per-article generation context: one PRNG and the article's product choices. */
class Ctx {
  readonly rng: Rng
  readonly product: ProductDef
  readonly version: string
  readonly os: string
  readonly second: ProductDef | undefined

  constructor(
    seed: number,
    readonly index: number,
    readonly pools: SharedPools,
    product?: ProductDef,
  ) {
    this.rng = new Rng(mixSeed(seed, index))
    this.product = product ?? this.rng.zipf(PRODUCTS, 1.5)
    this.version = this.rng.zipf(this.product.versions, 1.3)
    const osPool = this.product.platform === 'windows' ? WINDOWS_OS : this.product.platform === 'unix' ? UNIX_OS : OPERATING_SYSTEMS
    this.os = this.rng.zipf(osPool, 1.8)
    this.second = this.rng.chance(0.35) ? this.rng.pick(PRODUCTS.filter((p) => p !== this.product)) : undefined
  }

  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items)
  }

  zipf<T>(items: readonly T[], skew = 2.2): T {
    return this.rng.zipf(items, skew)
  }

  /** A noun: the product's own (specific) or a generic one (common). */
  noun(): string {
    return this.rng.chance(0.5) ? this.pick(this.product.nouns) : this.zipf(NOUNS, 2.4)
  }

  verb(): string {
    return this.zipf(VERBS, 1.8)
  }

  component(): string {
    const own = this.product.components
    if (this.rng.chance(0.55)) return this.zipf(own, 1.5)
    if (this.rng.chance(0.15)) return freshComponent(this.rng, this.product)
    return this.zipf(this.pools.components.get(this.product.name)!, 1.6)
  }

  setting(): string {
    return this.pick(this.product.settings)
  }

  command(): string {
    return this.pick(this.product.commands)
  }

  log(): string {
    return this.pick(this.product.logs)
  }

  source(): string {
    return this.pick(this.product.sources)
  }

  /** An error message as a product would print it; placeholders mark values that vary. */
  message(): string {
    const n = this.noun()
    const v = this.verb()
    const r = this.rng
    switch (r.int(0, 13)) {
      case 0:
        return `Unable to ${v} the ${n}`
      case 1:
        return `The ${n} could not be ${PAST[v] ?? `${v}ed`}`
      case 2:
        return `Failed to ${v} ${n} '<${r.pick(['name', 'server', 'pool', 'id', 'path'])}>'`
      case 3:
        return `Timed out waiting for the ${n} after ${r.pick(['30000', '60000', '120', '15', '300'])} ${r.pick(['ms', 'seconds'])}`
      case 4:
        return `The ${n} is ${this.zipf(STATES, 1.6)}`
      case 5:
        return `Maximum number of ${n}s (${r.pick(['100', '256', '1024', '4096', '50'])}) exceeded`
      case 6:
        return `Access to the ${n} is denied`
      case 7:
        return `${cap(n)} <server> is not available`
      case 8:
        return `Connection to <server>:<port> was reset by the remote host`
      case 9:
        return `An error occurred while trying to ${v} the ${n}: ${this.zipf(STATES, 1.6)} ${this.zipf(NOUNS, 2)}`
      case 10:
        return `Cannot ${v} ${n} because the ${this.zipf(NOUNS, 2)} is ${this.zipf(STATES, 1.6)}`
      case 11:
        return `The ${n} returned an unexpected response (${r.pick(['0', '-1', '2', '13', '87', '1460'])})`
      case 12:
        return `${cap(this.verb())} of the ${n} ${r.pick(['failed', 'was aborted', 'did not complete', 'was rejected'])}`
      default:
        return `${cap(n)} '<name>' ${r.pick(['could not be found', 'is already in use', 'was not registered', 'has expired'])}`
    }
  }
}

/** A synthetic component file name: `<Stem><Stem><Suffix>.<ext>`, in the product's style. */
function freshComponent(r: Rng, p: ProductDef): string {
  const name = `${p.stem}${r.pick(ID_STEMS)}${r.chance(0.4) ? r.pick(ID_STEMS) : ''}${r.pick(ID_SUFFIXES)}`
  return p.ext === 'so' ? `lib${name.toLowerCase()}.so` : `${name}.${p.ext}`
}

function freshException(r: Rng, p: ProductDef): string {
  const ns = p.namespaces.length > 0 ? r.pick(p.namespaces) : r.pick(['com.example.platform', 'Contoso.Services', 'org.example.integration'])
  const java = /^(com|org|java|javax|oracle)\./.test(ns)
  const cls = `${r.pick(EXCEPTION_STEMS)}${r.chance(0.5) ? r.pick(EXCEPTION_STEMS) : ''}${r.pick(EXCEPTION_KINDS)}`
  const sub = java ? r.pick(['core.', 'impl.', 'internal.', 'runtime.', 'spi.', '']) : ''
  return `${ns}.${sub}${cls}`
}

/** A product message id in the product's style (`SRVE0255E`, `ORA-12541`, `AMQ9208E`). */
function freshMessageId(r: Rng, p: ProductDef): string {
  switch (p.style) {
    case 'ibm':
      return `${r.pick(p.prefixes)}${r.digits(4)}${r.pick(['E', 'E', 'W', 'I'])}`
    case 'oracle':
      return r.chance(0.8) ? `ORA-${r.digits(5)}` : `TNS-${r.digits(5)}`
    case 'mq':
      return `AMQ${r.int(4000, 9999)}${r.pick(['E', 'E', 'W'])}`
    case 'f5':
      return `${r.hex(8)}:${r.pick(['3', '4', '5'])}:`
    default:
      return `${p.stem.toUpperCase()}-${r.digits(4)}`
  }
}

/** Derive the shared pools (identical for a seed, whatever the article count). */
function sharedPools(seed: number): SharedPools {
  const r = new Rng(mixSeed(seed, 0x5eed))
  const components = new Map<string, string[]>()
  const exceptions = new Map<string, string[]>()
  const messages = new Map<string, Array<[string, string]>>()
  for (const p of PRODUCTS) {
    components.set(
      p.name,
      Array.from({ length: 40 }, () => freshComponent(r, p)),
    )
    exceptions.set(
      p.name,
      Array.from({ length: 25 }, () => freshException(r, p)),
    )
    // A context of this product, only to word the messages of its message ids.
    const ctx = new Ctx(seed, 0x7fff0000 + PRODUCTS.indexOf(p), { components, exceptions, messages, errorNames: [] }, p)
    messages.set(
      p.name,
      Array.from({ length: 120 }, () => [freshMessageId(r, p), ctx.message()] as [string, string]),
    )
  }
  const errorNames = Array.from({ length: 150 }, () => {
    const noun = r
      .pick(NOUNS)
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
    const state = r
      .pick(STATES)
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
    return `ERROR_${noun}_${state}`
  })
  return { components, exceptions, errorNames, messages }
}

/** A code the article is about: what goes in error_codes, a verbatim error line, tags, a title phrase. */
interface CodeFact {
  kind: string
  codes: string[]
  line: string
  tag?: string
  phrase: string
  /** The message text of the error, when the line has one. */
  msg?: string
}

function hresultFact(c: Ctx): CodeFact {
  const r = c.rng
  let code: string
  let name: string | undefined
  if (r.chance(0.55)) [code, name] = c.zipf(HRESULTS, 1.7)
  else code = `0x8007${r.hex(4)}`
  const msg = c.message()
  const line = r.pick([
    `${msg}. (Exception from HRESULT: ${code})`,
    `Error code ${code}${name ? ` (${name})` : ''} while trying to ${c.verb()} the ${c.noun()}`,
    `${c.component()} returned ${code}: ${msg}`,
    `${msg} - error ${code}`,
  ])
  return { kind: 'hresult', codes: name && r.chance(0.6) ? [code, name] : [code], line, phrase: `error ${code}`, msg }
}

function httpFact(c: Ctx): CodeFact {
  const r = c.rng
  if (c.product.name === 'IIS' || c.product.name === 'ASP.NET Core' || r.chance(0.3)) {
    const [code, reason] = c.zipf(HTTP_SUBSTATUSES, 1.6)
    const status = code.split('.')[0]!
    const line = r.pick([
      `Browser shows "HTTP Error ${code} - ${reason}"`,
      `IIS log entries for <url> end in ${status} ${code.split('.')[1]} ${c.zipf(['0', '64', '2', '5', '1236', '121'])}`,
      `HTTP Error ${code} - ${reason}: ${c.message()}`,
    ])
    return { kind: 'http', codes: [code], line, tag: `http-${status}`, phrase: `HTTP ${code}` }
  }
  const [status, reason] = c.zipf(HTTP_STATUSES, 1.8)
  const line = r.pick([
    `Clients intermittently receive "${status} ${reason}" from ${c.pick(LOAD_BALANCERS)} for requests to <vip>`,
    `HTTP/1.1 ${status} ${reason} returned for ${r.pick(['POST', 'GET', 'PUT'])} /${r.pick(['api/orders', 'login', 'sso/callback', 'upload', 'reports/export'])}`,
    `upstream returned status code ${status} (${reason}) while ${r.pick(['reading response header from upstream', 'connecting to upstream', 'sending request to upstream'])}`,
  ])
  return { kind: 'http', codes: [status], line, tag: `http-${status}`, phrase: `${status} ${reason}` }
}

function eventFact(c: Ctx): CodeFact {
  const r = c.rng
  const id = r.chance(0.5) ? c.zipf(COMMON_EVENT_IDS, 1.5) : String(r.int(1000, 9999))
  const source = c.source()
  const line = r.pick([
    `Event Viewer, ${r.pick(['System', 'Application'])} log, source ${source}, Event ID ${id}: "${c.message()}"`,
    `Event ID ${id} from ${source}: ${c.message()}`,
    `Log Name: ${r.pick(['System', 'Application'])} Source: ${source} Event ID: ${id} Level: Error Description: ${c.message()}`,
  ])
  return { kind: 'event', codes: [id], line, tag: 'event-log', phrase: `Event ID ${id}` }
}

function exceptionFact(c: Ctx): CodeFact {
  const r = c.rng
  const own = c.product.exceptions
  const ex =
    own.length > 0 && r.chance(0.35)
      ? c.pick(own)
      : r.chance(0.4)
        ? c.zipf(COMMON_EXCEPTIONS, 1.8)
        : r.chance(0.75)
          ? c.zipf(c.pools.exceptions.get(c.product.name)!, 1.5)
          : freshException(r, c.product)
  const cls = ex.slice(ex.lastIndexOf('.') + 1)
  const line = r.pick([
    `${ex}: ${c.message()}`,
    `Unhandled exception. ${ex}: ${c.message()}`,
    `${ex}: ${c.message()} ---> ${c.zipf(COMMON_EXCEPTIONS, 1.5)}: ${c.message()}`,
    `Caused by: ${ex}: ${c.message()}`,
  ])
  return { kind: 'exception', codes: [cls], line, tag: 'exception', phrase: cls }
}

function win32Fact(c: Ctx): CodeFact {
  const r = c.rng
  const name = r.chance(0.7) ? c.zipf(WIN32_NAMES, 1.6) : c.pick(c.pools.errorNames)
  const line = r.pick([
    `The ${c.noun()} service terminated with the following error: ${name}`,
    `${c.component()} failed with ${name} while trying to ${c.verb()} the ${c.noun()}`,
    `${c.message()} (${name})`,
  ])
  return { kind: 'win32', codes: [name], line, phrase: name }
}

function componentFact(c: Ctx): CodeFact {
  const r = c.rng
  const comp = c.component()
  const crash = c.zipf(CRASH_CODES, 1.5)
  const line = r.pick([
    `Faulting application name: ${c.pick(c.product.components.filter((x) => x.endsWith('.exe')).concat(['w3wp.exe', 'java.exe', 'dotnet.exe']))}, faulting module name: ${comp}, exception code: ${crash}`,
    `${comp} crashed with exception code ${crash} at offset 0x${r.hex(8)}`,
    `Could not load ${comp}: ${c.message()}`,
  ])
  return { kind: 'component', codes: line.includes(crash) ? [comp, crash] : [comp], line, tag: 'crash', phrase: `faulting module ${comp}` }
}

function messageFact(c: Ctx): CodeFact {
  const r = c.rng
  const p = c.product
  switch (p.style) {
    case 'sql': {
      const [n, msg] = c.zipf(SQL_ERRORS, 1.5)
      const line = `Msg ${n}, Level ${r.pick(['14', '16', '20'])}, State ${r.int(1, 40)}, Server <server>, Line 1 ${msg}`
      return { kind: 'msgid', codes: [n], line, tag: 'sql-error', phrase: `error ${n}`, msg }
    }
    case 'postgres': {
      const [state, msg] = c.zipf(POSTGRES_STATES, 1.5)
      const line = `FATAL:  ${msg} (SQLSTATE ${state})`
      return { kind: 'msgid', codes: [state], line, tag: 'sqlstate', phrase: `SQLSTATE ${state}`, msg }
    }
    case 'none': {
      if (p.name === 'Kubernetes') {
        const reason = c.zipf(K8S_REASONS, 1.5)
        const line = `Warning  ${reason}  <age>  kubelet  ${c.message()}`
        return { kind: 'msgid', codes: [reason], line, tag: reason.toLowerCase(), phrase: reason }
      }
      return win32Fact(c)
    }
    default: {
      const [id, msg] = r.chance(0.7) ? c.zipf(c.pools.messages.get(p.name)!, 1.4) : [freshMessageId(r, p), c.message()]
      const line = p.style === 'f5' ? `err tmm[<pid>]: ${id} ${msg}` : `${id}: ${msg}`
      return { kind: 'msgid', codes: [id.replace(/:\d:$/, '')], line, phrase: id.replace(/:\d:$/, ''), msg }
    }
  }
}

const FACT_MAKERS: Record<string, (c: Ctx) => CodeFact> = {
  hresult: hresultFact,
  http: httpFact,
  event: eventFact,
  exception: exceptionFact,
  win32: win32Fact,
  component: componentFact,
  msgid: messageFact,
}

/** Which kinds of code an article of this product tends to quote. */
function factKinds(c: Ctx): string[] {
  const p = c.product
  const kinds: string[] = []
  if (p.style !== 'none') kinds.push('msgid', 'msgid')
  if (p.platform !== 'unix') kinds.push('hresult', 'event', 'win32')
  if (p.name === 'IIS' || p.name === 'ASP.NET Core' || p.name === 'nginx' || p.name === 'F5 BIG-IP LTM') kinds.push('http', 'http', 'http')
  else kinds.push('http')
  if (p.exceptions.length > 0) kinds.push('exception', 'exception')
  kinds.push('component', 'exception')
  if (p.name === 'Kubernetes') kinds.push('msgid', 'msgid')
  return kinds
}

/** A symptom in the user's own words. */
function userSymptom(c: Ctx): string {
  const r = c.rng
  return r.pick([
    `Users see ${r.pick(['a blank page', 'an error page', 'the login page again', 'a spinning wheel', 'a timeout'])} ${c.pick(CONDITIONS)}.`,
    `The ${c.noun()} ${c.zipf(FAILURE_VERBS, 1.6)} ${c.pick(CONDITIONS)} and recovers after ${r.pick(['a restart', 'a few minutes', 'an iisreset', 'a failover', 'the cache expires'])}.`,
    `Nothing is logged by the application itself; only the ${c.log()} shows the failure.`,
    `It started right after ${c.pick(TRIGGERS)}.`,
    `${cap(c.product.short)} ${c.zipf(FAILURE_VERBS, 1.6)} ${c.pick(CONDITIONS)}; other ${r.pick(['servers', 'sites', 'nodes', 'clients'])} are not affected.`,
    `Response times grow from ${r.int(50, 400)} ms to more than ${r.int(10, 120)} seconds before the ${c.noun()} ${c.zipf(FAILURE_VERBS, 1.6)}.`,
  ])
}

function title(c: Ctx, f: CodeFact, second: CodeFact | undefined): string {
  const r = c.rng
  const p = `${c.product.short}${r.chance(0.4) ? ` ${c.version}` : ''}`
  const n = c.noun()
  const msg = (f.msg ?? c.message()).replace(/'?<([^<>]*)>'?/g, '$1').replace(/\.$/, '')
  switch (r.int(0, 9)) {
    case 0:
      return `${p} ${c.zipf(FAILURE_VERBS, 1.5)} with ${f.phrase} after ${c.pick(TRIGGERS)}`
    case 1:
      return `${p}: ${f.phrase} "${msg}"`
    case 2:
      return `${f.phrase} when ${gerund(c.verb())} the ${n} ${c.pick(CONDITIONS)}`
    case 3:
      return `${p} ${n} ${c.zipf(FAILURE_VERBS, 1.5)} and logs ${f.phrase}${second ? ` / ${second.phrase}` : ''}`
    case 4:
      return `Intermittent ${f.phrase} from ${p} behind ${c.pick(LOAD_BALANCERS)}`
    case 5:
      return `How to resolve ${f.phrase} in ${c.product.short} ${c.version}`
    case 6:
      return `"${msg}" (${f.phrase}) on ${c.os}`
    case 7:
      return `${p} ${n} is ${c.zipf(STATES, 1.5)}: ${f.phrase}${second ? ` and ${second.phrase}` : ''}`
    case 8:
      return `${cap(n)} ${c.zipf(FAILURE_VERBS, 1.5)} ${c.pick(CONDITIONS)} - ${f.phrase}`
    default:
      return `${p} fails to ${c.verb()} the ${n}: ${f.phrase}`
  }
}

/** A word of wider technical prose (the middle of the term distribution). */
function prose(c: Ctx): string {
  return c.zipf(PROSE, 1.5)
}

/** A sentence naming identifiers of this article only: the long tail of rare terms. */
function rareSentence(c: Ctx): string {
  const r = c.rng
  const p = c.product
  switch (r.int(0, 5)) {
    case 0:
      return `The value \`${c.setting()}\` is read from \`HKLM\\SYSTEM\\CurrentControlSet\\Services\\${p.stem}${r.pick(ID_STEMS)}${r.pick(ID_SUFFIXES)}\\Parameters\` (${r.pick(['DWORD', 'REG_SZ', 'REG_MULTI_SZ'])}).`
    case 1: {
      const vendor = r.pick(VENDOR_DIRS)
      const file = c.component()
      return p.platform === 'unix'
        ? `The agent keeps its state in \`/opt/${vendor.toLowerCase().replace(/ /g, '')}/${slug(p.short)}/${r.pick(['conf', 'var', 'data', 'lib'])}/${file}\`.`
        : `The file is \`C:\\Program Files\\${vendor}\\${p.short}\\${r.pick(['bin', 'config', 'data', 'modules'])}\\${file}\`.`
    }
    case 2:
      return `The defect is fixed in ${p.short} ${c.version} build ${r.int(1, 20)}.${r.int(0, 9)}.${r.int(1000, 29999)}.${r.int(1, 9999)} (${r.pick([`KB${r.int(2000000, 5099999)}`, `APAR PH${r.digits(5)}`, `fix ${r.hex(7)}`, `KB${r.int(2000000, 5099999)}`])}).`
    case 3:
      return `In the trace the failing call carries the correlation id \`${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}\`; search for it on every tier.`
    case 4:
      return `The ${r.pick(['cluster', 'farm', 'pool', 'realm'])} \`${r.pick(['prd', 'uat', 'dr', 'eu', 'us'])}-${r.pick(ID_STEMS).toLowerCase()}-${r.int(1, 99)}\` was the only one affected.`
    default:
      return `Internally this is tracked as ${p.stem.toUpperCase()}-${r.int(1000, 99999)}; the ${c.noun()} ${r.pick(['counter', 'gauge', 'setting'])} \`${p.stem.toLowerCase()}.${r.pick(ID_STEMS).toLowerCase()}.${r.pick(ID_SUFFIXES).toLowerCase()}\` shows it.`
  }
}

/** A sentence of diagnosis or background prose. */
function sentence(c: Ctx): string {
  const r = c.rng
  if (r.chance(0.15)) return rareSentence(c)
  if (r.chance(0.3)) {
    switch (r.int(0, 3)) {
      case 0:
        return `The ${prose(c)} ${prose(c)} depends on the ${prose(c)} ${prose(c)}; when it is ${prose(c)}, the ${c.noun()} ${c.zipf(FAILURE_VERBS, 1.5)}.`
      case 1:
        return `Look at the ${prose(c)} and ${prose(c)} figures of the ${c.noun()} before changing the ${prose(c)} ${prose(c)}.`
      case 2:
        return `A ${prose(c)} ${prose(c)} in the ${prose(c)} layer is the usual suspect, more often than the ${prose(c)}.`
      default:
        return `${cap(prose(c))}, ${prose(c)} and ${prose(c)} settings of the ${c.noun()} all play a part here.`
    }
  }
  switch (r.int(0, 15)) {
    case 0:
      return `Check the ${c.log()} on the affected ${r.pick(['server', 'node', 'host'])} for entries around the time of the failure.`
    case 1:
      return `If the ${c.noun()} is ${c.zipf(STATES, 1.5)}, ${c.verb()} it again and retry the request.`
    case 2:
      return `\`${c.component()}\` writes more detail to the ${c.log()} when \`${c.setting()}\` is raised.`
    case 3:
      return `This usually happens after ${c.pick(TRIGGERS)}.`
    case 4:
      return `On ${c.os}, \`${c.command()}\` shows the ${c.noun()} in use and its state.`
    case 5:
      return `The default value of \`${c.setting()}\` is fine for most sites, but not ${c.pick(CONDITIONS)}.`
    case 6:
      return `Compare the ${c.noun()} on a working ${r.pick(['server', 'node'])} with the failing one; the difference is usually the ${c.noun()}.`
    case 7:
      return `A ${r.pick(['network trace', 'process dump', 'verbose log', 'Failed Request Tracing log', 'thread dump'])} taken while the problem happens shows the ${c.noun()} waiting on the ${c.noun()}.`
    case 8:
      return `The ${c.noun()} and the ${c.noun()} must agree; when one is ${c.zipf(STATES, 1.5)} the ${c.product.short} ${c.zipf(FAILURE_VERBS, 1.5)}.`
    case 9:
      return `Restarting the ${c.noun()} hides the problem for a while, which is why it often looks ${r.pick(['random', 'intermittent', 'load related', 'time related'])}.`
    case 10:
      return `${cap(c.zipf(COMMON_WORDS, 1.2))} ${c.zipf(COMMON_WORDS, 1.2)} and ${c.zipf(COMMON_WORDS, 1.2)} ${c.zipf(COMMON_WORDS, 1.2)} are the first things to ${r.pick(['check', 'compare', 'collect', 'verify'])}.`
    case 11:
      return `Only the ${c.noun()} of the ${c.product.short} ${c.product.name === 'Windows Server' ? 'host' : 'tier'} is affected; the ${c.noun()} keeps working.`
    case 12:
      return `${c.product.short} ${c.version} changed how the ${c.noun()} is ${PAST[c.verb()] ?? 'handled'}, so settings that worked before may no longer apply.`
    case 13:
      return `Support usually asks for the ${c.log()}, the output of \`${c.command()}\` and the exact time of the failure.`
    case 14:
      return `Monitoring the ${c.noun()} count over a day shows whether it ${r.pick(['grows without bound', 'drops to zero', 'spikes at the same time every day', 'follows the load'])}.`
    default:
      return `The ${c.noun()} is ${PAST[c.verb()] ?? 'checked'} before the ${c.noun()}, so a ${c.zipf(STATES, 1.5)} ${c.noun()} fails the whole request.`
  }
}

function paragraph(c: Ctx, min: number, max: number): string {
  const n = c.rng.int(min, max)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(sentence(c))
  return wrap(out.join(' '))
}

/** Wrap prose at ~100 columns, as authors do in Markdown files. */
function wrap(text: string, width = 100): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line.length > 0 ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

function cause(c: Ctx, facts: CodeFact[]): string {
  const r = c.rng
  const f = facts[0]!
  const n = c.noun()
  const parts: string[] = []
  parts.push(
    wrap(
      `The ${n} is **${c.zipf(STATES, 1.5)}**, so \`${c.component()}\` cannot ${c.verb()} the ${c.noun()} and reports ${f.phrase}. ` +
        `${r.pick(['This happens', 'It typically happens', 'The condition appears'])} ${c.pick(CONDITIONS)}, when \`${c.setting()}\` ` +
        `is ${r.pick(['lower than the number of concurrent requests', 'left at its default', 'set differently on each node', 'missing from the configuration', 'set to 0'])}. ` +
        sentence(c),
    ),
  )
  if (r.chance(0.5)) {
    const k = r.int(2, 3)
    const bullets: string[] = []
    for (let i = 0; i < k; i++) bullets.push(`- the ${c.noun()} is ${c.zipf(STATES, 1.5)} after ${c.pick(TRIGGERS)};`)
    parts.push(`Common reasons:\n${bullets.join('\n')}`)
  } else parts.push(paragraph(c, 1, 3))
  return parts.join('\n\n')
}

function step(c: Ctx, facts: CodeFact[], kind: number): string {
  const r = c.rng
  const f = r.pick(facts)
  switch (kind) {
    case 0:
      return `Check the ${c.log()} for \`${f.codes[0]}\` around the time of the failure.`
    case 1:
      return `Run \`${c.command()}\` on the affected ${r.pick(['server', 'node', 'host'])} and confirm that the ${c.noun()} is ${r.pick(['running', 'listed', 'healthy', 'bound to the right certificate', 'reachable'])}.`
    case 2:
      return `Set \`${c.setting()}\` to \`${r.pick(['120', '0', 'true', 'false', '4096', '00:05:00', '300'])}\` (default \`${r.pick(['60', '1', 'false', '1000', '00:01:40'])}\`) on every node.`
    case 3:
      return `Restart the ${c.noun()} (\`${c.command()}\`) and retry the request.`
    case 4:
      return `Install the latest ${r.pick(['cumulative update', 'fix pack', 'service pack', 'hotfix rollup'])} for ${c.product.short} ${c.version}; it fixes a known defect in \`${c.component()}\`.`
    case 5:
      return `If the ${c.noun()} is ${c.zipf(STATES, 1.5)}, ${c.verb()} it again:\n   \`${c.command()}\``
    case 6:
      return `Re-register the ${c.noun()} and make sure the ${c.noun()} is the same on all nodes.`
    case 7:
      return `Grant the ${r.pick(['service account', 'application pool identity', 'web server user', 'agent user'])} read access to the ${c.noun()}.`
    case 8:
      return `Collect a ${r.pick(['process dump', 'network trace', 'verbose trace', 'thread dump'])} while the problem happens and compare it with a healthy ${r.pick(['server', 'node'])}.`
    default:
      return `Increase the ${c.noun()} limit gradually and watch \`${c.setting()}\` under load.`
  }
}

function resolution(c: Ctx, facts: CodeFact[]): string {
  const kinds = c.rng.sample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], c.rng.int(3, 7))
  const steps = kinds.map((k, i) => `${i + 1}. ${step(c, facts, k)}`)
  return steps.join('\n')
}

function body(c: Ctx, facts: CodeFact[]): string {
  const r = c.rng
  const out: string[] = ['## Diagnosis', '']
  const k = r.int(2, 5)
  for (let i = 0; i < k; i++) out.push(`${i + 1}. ${paragraph(c, 1, 3).replace(/\n/g, '\n   ')}`)
  if (r.chance(0.25)) {
    out.push('', '| Code | Meaning | Typical fix |', '|---|---|---|')
    for (const f of facts) out.push(`| \`${f.codes[0]}\` | ${c.message().replace(/[<>|]/g, '')} | ${cap(c.verb())} the ${c.noun()} |`)
  }
  out.push('', '## Background', '', paragraph(c, 2, 4))
  if (r.chance(0.5)) out.push('', paragraph(c, 1, 3))
  return out.join('\n')
}

function slug(text: string, max = 60): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length <= max) return s
  const cut = s.slice(0, max)
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max).replace(/-+$/, '')
}

function dateFrom(r: Rng): string {
  const d = new Date(Date.UTC(2018, 0, 1) + r.int(0, 2900) * 86_400_000)
  return d.toISOString().slice(0, 10)
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}

/** Generate article `index` of the KB for `seed`. */
function generateOne(seed: number, index: number, pools: SharedPools): GeneratedArticle {
  const c = new Ctx(seed, index, pools)
  const r = c.rng
  const kinds = factKinds(c)
  const nFacts = r.int(1, 3)
  const facts: CodeFact[] = []
  for (let i = 0; i < nFacts; i++) facts.push(FACT_MAKERS[r.pick(kinds)]!(c))

  const nSymptoms = r.int(2, 5)
  const symptoms: string[] = facts.map((f) => f.line)
  while (symptoms.length < nSymptoms) symptoms.push(r.chance(0.3) ? FACT_MAKERS[r.pick(kinds)]!(c).line : userSymptom(c))

  const t = title(c, facts[0]!, facts[1])
  const id = `${slug(t)}-kb${String(index + 1).padStart(6, '0')}`
  const p = c.product
  const products = uniq([`${p.name === 'IIS' ? 'IIS' : p.name} ${c.version}`, ...(c.second ? [c.second.name] : []), ...(r.chance(0.3) ? [c.os] : [])])
  const tags = uniq([
    ...r.sample(p.tags, r.int(1, 3)),
    ...facts.flatMap((f) => (f.tag ? [f.tag] : [])),
    ...(c.second && r.chance(0.5) ? [c.second.tags[0]!] : []),
  ])
  const errorCodes = uniq(facts.flatMap((f) => f.codes))
  const environment = [`${p.name} ${c.version} on ${c.os}`]
  if (r.chance(0.6)) environment.push(cap(c.pick(TOPOLOGIES)))
  if (c.second) environment.push(`${c.second.name} ${c.rng.pick(c.second.versions)}`)
  const references: Array<{ title: string; url: string }> = []
  if (r.chance(0.5))
    references.push({ title: `${p.short} - ${cap(c.noun())} troubleshooting guide`, url: `https://support.example.com/kb/${r.int(100000, 999999)}` })
  if (r.chance(0.2)) references.push({ title: `${cap(c.noun())} reference`, url: `https://docs.example.com/${slug(p.short)}/${slug(c.noun())}` })

  return {
    id,
    file: `${slug(p.short)}/${id}.md`,
    title: t,
    products,
    tags,
    errorCodes,
    symptoms,
    environment,
    cause: cause(c, facts),
    resolution: resolution(c, facts),
    references,
    updated: dateFrom(r),
    body: body(c, facts),
    errorLines: facts.map((f) => f.line),
  }
}

/**
 * Article `i` of the KB for `seed`, made on demand: article i depends only on (seed, i), so the
 * benchmark draws its workload from a 100,000-article KB without holding the KB in memory.
 */
export function articleSource(seed = DEFAULT_SEED): (index: number) => GeneratedArticle {
  const pools = sharedPools(seed)
  return (index) => generateOne(seed, index, pools)
}

const q = (s: string) => JSON.stringify(s) // a JSON string is a valid YAML double-quoted scalar
const flow = (xs: string[]) => `[${xs.map(q).join(', ')}]`
const block = (md: string) =>
  md
    .split('\n')
    .map((l) => (l === '' ? '' : `  ${l}`))
    .join('\n')

/** The article's file text, in the project's format. */
export function renderArticle(a: GeneratedArticle): string {
  const lines = [
    '---',
    `id: ${a.id}`,
    `title: ${q(a.title)}`,
    `products: ${flow(a.products)}`,
    `tags: ${flow(a.tags)}`,
    `error_codes: ${flow(a.errorCodes)}`,
    'symptoms:',
    ...a.symptoms.map((s) => `  - ${q(s)}`),
    'environment:',
    ...a.environment.map((e) => `  - ${q(e)}`),
    'cause: |',
    block(a.cause),
    'resolution: |',
    block(a.resolution),
  ]
  if (a.references.length > 0) {
    lines.push('references:')
    for (const ref of a.references) lines.push(`  - title: ${q(ref.title)}`, `    url: ${q(ref.url)}`)
  }
  lines.push(`updated: ${a.updated}`, '---', '', a.body, '')
  return lines.join('\n')
}

/**
 * Write the KB of `count` articles for `seed` to a folder (sub-folders by product), one article
 * at a time: each is generated, written and dropped, so memory stays flat whatever the count
 * (100,000 articles are about 300 MB of Markdown). Returns files and bytes written.
 */
export function writeKb(dir: string, count: number, seed = DEFAULT_SEED): { files: number; bytes: number } {
  const at = articleSource(seed)
  let bytes = 0
  const made = new Set<string>()
  for (let i = 0; i < count; i++) {
    const a = at(i)
    const file = path.join(dir, ...a.file.split('/'))
    const parent = path.dirname(file)
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true })
      made.add(parent)
    }
    const text = renderArticle(a)
    bytes += Buffer.byteLength(text)
    writeFileSync(file, text)
  }
  return { files: count, bytes }
}

/** Fill the placeholders of a verbatim error line with values, as in a real log. */
export function fillPlaceholders(line: string, r: Rng): string {
  return line.replace(/<([^<>\n]{1,40})>/g, (_m, name: string) => {
    switch (name) {
      case 'server':
      case 'host':
      case 'vip':
        return r.pick(HOSTNAMES)
      case 'port':
        return r.pick(['443', '8080', '1433', '1521', '1414', '44443', '5432', '9443'])
      case 'user':
        return r.pick(USERS)
      case 'pid':
      case 'spid':
        return String(r.int(100, 65000))
      case 'age':
        return `${r.int(2, 59)}${r.pick(['s', 'm'])}`
      case 'url':
        return `/${r.pick(['api', 'app', 'portal'])}/${r.pick(['orders', 'login', 'search', 'reports'])}`
      case 'db':
        return r.pick(['OrdersDb', 'PortalDB', 'tempdb', 'Sales'])
      case 'replica':
        return r.pick(HOSTNAMES)
      default:
        return `${r.pick(['Default', 'Portal', 'Prod', 'App'])}${r.pick(['Pool', 'Site', 'Host', 'Svc', ''])}${r.int(1, 20)}`
    }
  })
}

/** One line of ordinary INFO log chatter, with a timestamp, thread and logger. */
export function chatterLine(r: Rng, t: number): string {
  const ts = new Date(Date.UTC(2024, 2, 12, 10, 0, 0) + t).toISOString().replace('T', ' ').replace('Z', '')
  const msg = r
    .pick(CHATTER)
    .replace(/<(\w+)>/g, (_m, k: string) =>
      k === 'ms'
        ? String(r.int(1, 900))
        : k === 'n'
          ? String(r.int(1, 5000))
          : k === 'hex'
            ? r.hex(12)
            : k === 'user'
              ? r.pick(USERS)
              : k === 'ip'
                ? `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`
                : k === 'host'
                  ? r.pick(HOSTNAMES)
                  : k === 'port'
                    ? '8443'
                    : k,
    )
  return `${ts} ${r.pick(['INFO ', 'INFO ', 'INFO ', 'DEBUG'])} [${r.pick(THREADS)}] ${r.pick(LOGGERS)} - ${msg}`
}

/** A log-style prefix for an error line. */
export function errorPrefix(r: Rng, t: number): string {
  const ts = new Date(Date.UTC(2024, 2, 12, 10, 0, 0) + t).toISOString().replace('T', ' ').replace('Z', '')
  return `${ts} ERROR [${r.pick(THREADS)}] ${r.pick(LOGGERS)} - `
}

function main(): void {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: String(DEFAULT_SEED) }, out: { type: 'string' } },
  })
  const count = Number(values.count)
  const seed = Number(values.seed)
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !values.out) {
    process.stderr.write('usage: generate.ts --count <n> [--seed <n>] --out <dir>\n')
    process.exit(2)
  }
  const t0 = performance.now()
  const { bytes } = writeKb(values.out, count, seed)
  process.stdout.write(`wrote ${count} articles (${(bytes / 1e6).toFixed(1)} MB) to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()

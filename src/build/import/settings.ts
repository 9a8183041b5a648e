/**
 * What an import is told besides the files: the map file (`kb import --map import.yml`), the
 * command's flags, and the importer profiles shipped in src/build/import/profiles (what is known about
 * one family of sources, such as Microsoft Docs: its include terms and product identifiers). Every
 * product or vendor name the importer knows lives in those data files, none in its code.
 *
 * The map file and the profiles are validated with TypeBox schemas; a problem is reported as one
 * line naming the file and the key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import Type, { type Static } from 'typebox'
import { Value } from 'typebox/value'
import { parse as parseYaml } from 'yaml'

const Names = Type.Array(Type.String({ minLength: 1, pattern: '\\S' }))
const SectionNames = Type.Object(
  {
    replace: Type.Optional(Type.Boolean()),
    symptoms: Type.Optional(Names),
    cause: Type.Optional(Names),
    resolution: Type.Optional(Names),
    environment: Type.Optional(Names),
  },
  { additionalProperties: false },
)

/** The map file: how one KB names its sections, where its environment is, and whether pages are split. */
export const ImportMapSchema = Type.Object(
  {
    /** A shipped profile applied to every file (src/build/import/profiles/<name>.yml). */
    profile: Type.Optional(Type.String({ minLength: 1 })),
    /** Section names added to the defaults (or replacing them, with `replace: true`). */
    sections: Type.Optional(SectionNames),
    /** Frontmatter keys that name the environment; replace the default list. */
    environment_keys: Type.Optional(Names),
    /** Environment of every article whose source names none. */
    environment: Type.Optional(Names),
    /** Products of every article. */
    products: Type.Optional(Names),
    /** Product identifiers (frontmatter slugs, folder names) -> product names. */
    product_names: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1 }))),
    /** auto: split pages whose headings name several problems; never; always: every problem-shaped or leaf section. */
    split: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('never'), Type.Literal('always')])),
    /** URL of the published pages: a page's URL is this plus its path without ".md". */
    base_url: Type.Optional(Type.String({ pattern: '^https?://' })),
  },
  { additionalProperties: false },
)
export type ImportMap = Static<typeof ImportMapSchema>

const Pattern = Type.Object({ pattern: Type.String({ minLength: 1 }), name: Type.String({ minLength: 1 }) }, { additionalProperties: false })

/** An importer profile (src/build/import/profiles/*.yml). */
export const ProfileSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    detect: Type.Optional(Type.Object({ frontmatter_keys: Names }, { additionalProperties: false })),
    title_suffixes: Type.Optional(Names),
    include_terms: Type.Optional(Type.Record(Type.String(), Type.String())),
    applies_to_includes: Type.Optional(Type.Record(Type.String(), Names)),
    slug_keys: Type.Optional(Names),
    product_slugs: Type.Optional(Type.Array(Pattern)),
    product_mentions: Type.Optional(Type.Array(Pattern)),
  },
  { additionalProperties: false },
)
type ProfileData = Static<typeof ProfileSchema>

/** A profile ready to use: its tables, with the patterns compiled. */
export interface Profile {
  name: string
  detectKeys: string[]
  titleSuffixes: string[]
  includeTerms: Record<string, string>
  appliesToIncludes: Record<string, string[]>
  slugKeys: string[]
  productSlugs: Array<[RegExp, string]>
  productMentions: Array<[RegExp, string]>
}

export type Field = 'symptoms' | 'cause' | 'resolution' | 'environment'

/** Everything a conversion is told, resolved: defaults filled in. */
export interface ImportSettings {
  /** Section names per field, from the map file, normalized (sectionKey); `replace`: the defaults are not used. */
  sections: Record<Field, string[]>
  replaceSections: boolean
  environmentKeys: string[]
  /** Environment and products for every article whose source names none (flags and map file). */
  environment: string[]
  products: string[]
  productNames: Record<string, string>
  split: 'auto' | 'never' | 'always'
  baseUrl?: string
  /** A profile applied to every file (map file `profile:`). */
  profile?: Profile
  /** Profiles applied to the files they detect. */
  profiles: Profile[]
}

/** Frontmatter keys that name the environment when the map file does not say. */
export const DEFAULT_ENVIRONMENT_KEYS = [
  'appliesto',
  'applies_to',
  'products',
  'product',
  'platform',
  'platforms',
  'service',
  'services',
  'ms.service',
  'ms.prod',
  'ms.product',
]

/** A section name as compared: lowercase, punctuation as spaces, single spaces. */
export function sectionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Thrown for a map file or profile that does not validate: one line per problem. */
export class ImportMapError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'))
    this.name = 'ImportMapError'
  }
}

/** The problems of a parsed map file or profile against its schema, one line each, in the file's key order ("sections.cause: must be array"). */
function schemaProblems(schema: typeof ImportMapSchema | typeof ProfileSchema, data: unknown): string[] {
  const byPath = new Map<string, string>()
  const allowed = new Map<string, unknown[]>()
  for (const e of Value.Errors(schema, data)) {
    const where = e.instancePath.split('/').slice(1).join('.') || '(top level)'
    if (e.keyword === 'additionalProperties' || e.keyword === 'anyOf') continue
    if (e.keyword === 'boolean') byPath.set(where, 'unknown key')
    else if (e.keyword === 'const') allowed.set(where, [...(allowed.get(where) ?? []), (e.params as { allowedValue: unknown }).allowedValue])
    else if (!byPath.has(where)) byPath.set(where, e.message)
  }
  for (const [where, values] of allowed) byPath.set(where, `must be one of ${values.join(', ')}`)
  // In the order the keys are written.
  const order = (where: string): number => {
    const keys: string[] = []
    const walk = (v: unknown, prefix: string): void => {
      if (!v || typeof v !== 'object') return
      for (const [k, x] of Object.entries(v)) {
        keys.push(prefix ? `${prefix}.${k}` : k)
        walk(x, prefix ? `${prefix}.${k}` : k)
      }
    }
    walk(data, '')
    const i = keys.indexOf(where)
    return i < 0 ? -1 : i
  }
  return [...byPath].sort((a, b) => order(a[0]) - order(b[0])).map(([where, message]) => `${where}: ${message}`)
}

/** Parse and validate a map file's text; throws ImportMapError with one line per problem. */
export function parseImportMap(text: string, file: string): ImportMap {
  let data: unknown
  try {
    data = parseYaml(text, { uniqueKeys: true, logLevel: 'error' }) ?? {}
  } catch (err) {
    throw new ImportMapError(file, [`not valid YAML: ${((err as Error).message ?? String(err)).split('\n')[0]}`])
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportMapError(file, ['(top level): must be a mapping of keys'])
  const problems = schemaProblems(ImportMapSchema, data)
  if (problems.length) throw new ImportMapError(file, problems)
  return data as ImportMap
}

/** Read and validate a map file. */
export async function readImportMap(file: string): Promise<ImportMap> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ImportMapError(file, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`])
  }
  return parseImportMap(text, file)
}

/** The shipped profiles' folder: src/build/import/profiles in the package, found from this file in src/ or build/. */
export function profilesDir(): string {
  let dir = import.meta.dirname
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) break
    dir = up
  }
  return path.join(dir, 'src', 'build', 'import', 'profiles')
}

/** A profile's data made ready: patterns compiled (a bad pattern is a problem of the file). */
function compileProfile(data: ProfileData, file: string): Profile {
  const compile = (list: ProfileData['product_slugs'], flags: string): Array<[RegExp, string]> =>
    (list ?? []).map(({ pattern, name }, i) => {
      try {
        return [new RegExp(pattern, flags), name]
      } catch (err) {
        throw new ImportMapError(file, [`pattern ${i + 1} (${pattern}): ${(err as Error).message}`])
      }
    })
  return {
    name: data.name,
    detectKeys: data.detect?.frontmatter_keys ?? [],
    titleSuffixes: data.title_suffixes ?? [],
    includeTerms: data.include_terms ?? {},
    appliesToIncludes: data.applies_to_includes ?? {},
    slugKeys: data.slug_keys ?? [],
    productSlugs: compile(data.product_slugs, ''),
    productMentions: compile(data.product_mentions, ''),
  }
}

/** Parse and validate one profile's text. */
export function parseProfile(text: string, file: string): Profile {
  let data: unknown
  try {
    data = parseYaml(text, { uniqueKeys: true, logLevel: 'error' })
  } catch (err) {
    throw new ImportMapError(file, [`not valid YAML: ${((err as Error).message ?? String(err)).split('\n')[0]}`])
  }
  const problems = schemaProblems(ProfileSchema, data)
  if (problems.length) throw new ImportMapError(file, problems)
  return compileProfile(data as ProfileData, file)
}

let shipped: Profile[] | undefined

/** The shipped profiles, read once. */
export function shippedProfiles(): Profile[] {
  if (shipped) return shipped
  const dir = profilesDir()
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : []
  shipped = files.sort().map((f) => parseProfile(readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)))
  return shipped
}

/** What the command line adds to the map file. */
export interface ImportFlags {
  environment?: string[]
  products?: string[]
  split?: 'auto' | 'never' | 'always'
}

/** Settings from a map file and flags (flags win), defaults filled in; an unknown profile name is an ImportMapError. */
export function resolveSettings(map: ImportMap = {}, flags: ImportFlags = {}, mapFile = 'map file', profiles: Profile[] = shippedProfiles()): ImportSettings {
  let profile: Profile | undefined
  if (map.profile !== undefined) {
    profile = profiles.find((p) => p.name === map.profile)
    if (!profile) throw new ImportMapError(mapFile, [`profile: no profile named "${map.profile}" (known: ${profiles.map((p) => p.name).join(', ') || 'none'})`])
  }
  const s = map.sections ?? {}
  const names = (list: string[] | undefined): string[] => (list ?? []).map(sectionKey).filter(Boolean)
  return {
    sections: { symptoms: names(s.symptoms), cause: names(s.cause), resolution: names(s.resolution), environment: names(s.environment) },
    replaceSections: s.replace === true,
    environmentKeys: map.environment_keys ?? DEFAULT_ENVIRONMENT_KEYS,
    environment: flags.environment?.length ? flags.environment : (map.environment ?? []),
    products: flags.products?.length ? flags.products : (map.products ?? []),
    productNames: Object.fromEntries(Object.entries(map.product_names ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    split: flags.split ?? map.split ?? 'auto',
    ...(map.base_url ? { baseUrl: map.base_url } : {}),
    ...(profile ? { profile } : {}),
    profiles,
  }
}

/** The profile that applies to a file: the map file's, else the first whose detect keys its frontmatter has. */
export function profileFor(settings: ImportSettings, fm: Record<string, unknown>): Profile | undefined {
  return settings.profile ?? settings.profiles.find((p) => p.detectKeys.some((k) => k in fm))
}

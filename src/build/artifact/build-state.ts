/**
 * What `kb build --since <previous artifact>` starts from: the previous build's forward index, its
 * synonyms, and per article its source path, content hash and encoded bytes, copied as they are
 * into the next artifact when the article's file did not change. Read from the artifact itself, so
 * nothing else needs keeping between builds.
 */
import type { SynonymSource } from '../../core/analysis/synonyms.js'
import { ArtifactError } from './artifact-error.js'
import type { EncodedArticle, ForwardIndex } from './model.js'
import { asArtifactError, checkArtifact, decodeForward, decodeTable, decodeTerms } from './read.js'
import { decodeMeta } from './stored-article.js'
import type { ArtifactHeader } from './write.js'
import { readFile } from 'node:fs/promises'

/** One article of the previous build. */
export interface BuildStateArticle {
  id: string
  /** Its file, as the build named it (relative to the articles folder). */
  source: string
  /** The sha256 (hex) of its file's bytes, when built. */
  hash: string
  encoded: EncodedArticle
}

/** The previous build, as `kb build --since` reads it. */
export interface BuildState {
  header: ArtifactHeader
  forward: ForwardIndex
  /** The synonyms the previous build analyzed with (absent: the built-in list only). */
  synonyms?: SynonymSource
  articles: BuildStateArticle[]
}

/** Read a previous artifact's build state; throws ArtifactError (a missing, foreign, old or corrupt file). */
export async function readBuildState(file: string): Promise<BuildState> {
  let raw: Buffer
  try {
    raw = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ArtifactError(file, code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code})`)
  }
  const { header, index, section } = checkArtifact(raw, file)
  try {
    const terms = decodeTerms(section('terms'), index.terms)
    const forward = decodeForward(section('forward'), index, terms)
    const records = section('articles')
    const table = decodeTable(section('articles.table'), index.docCount, records.length)
    const articles: BuildStateArticle[] = []
    for (let doc = 0; doc < index.docCount; doc++) {
      // Copies: the state outlives the file's bytes only as much as the build keeps of it.
      const meta = Buffer.from(records.subarray(table[2 * doc], table[2 * doc + 1]))
      const body = Buffer.from(records.subarray(table[2 * doc + 1], table[2 * doc + 2]))
      const { article, hash, codes } = decodeMeta(meta)
      articles.push({ id: article.id, source: article.source, hash, encoded: { id: article.id, codes, meta, body } })
    }
    return { header, forward, ...(index.synonyms === undefined ? {} : { synonyms: index.synonyms }), articles }
  } catch (err) {
    throw asArtifactError(err, file)
  }
}

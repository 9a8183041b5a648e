/**
 * The Lunr pipeline: the functions of `terms.ts` registered under stable labels, so a serialized
 * index names them and loads again. Importing this module registers them.
 */
import lunr from 'lunr'
import { expandIdentifier, isStopWord, stem, trim } from './terms.js'
import { kbTokenizer } from './tokenize.js'

/**
 * Bump when the tokenizer or any function below changes what it emits: the artifact stores the
 * index's terms, so old artifacts then must be rebuilt (it is part of the artifact version;
 * test/artifact-version.test.ts fails when the stored terms change without a bump).
 */
export const ANALYSIS_VERSION = 1

const kbTrim: lunr.PipelineFunction = (token) => {
  const t = trim(token.toString())
  return t === '' ? null : token.update(() => t)
}

const kbExpand: lunr.PipelineFunction = (token) => expandIdentifier(token.toString()).map((term) => token.clone(() => term))

const kbStopWords: lunr.PipelineFunction = (token) => (isStopWord(token.toString()) ? null : token)

const kbStem: lunr.PipelineFunction = (token) => token.update((s) => stem(s))

const STEPS: Array<[lunr.PipelineFunction, string]> = [
  [kbTrim, 'kb-trim'],
  [kbExpand, 'kb-expand'],
  [kbStopWords, 'kb-stop-words'],
  [kbStem, 'kb-stem'],
]

for (const [fn, label] of STEPS) lunr.Pipeline.registerFunction(fn, label)

/** Configure a Lunr builder with this project's tokenizer and pipelines (index and search alike). */
export function configureBuilder(builder: lunr.Builder): void {
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  ;(builder as unknown as { tokenizer: typeof kbTokenizer }).tokenizer = kbTokenizer
  for (const [fn] of STEPS) {
    builder.pipeline.add(fn)
    builder.searchPipeline.add(fn)
  }
}

/**
 * The Lunr pipeline: the functions of `terms.ts` registered under stable labels, so a serialized
 * index names them and loads again. Importing this module registers them.
 */
import lunr from 'lunr'
import { Synonyms } from './synonyms.js'
import { expandIdentifier, isStopWord, stem, termKey, trim } from './terms.js'
import { kbTokenizer } from './tokenize.js'

/**
 * Bump when the tokenizer or any function below changes what it emits: the artifact stores the
 * index's terms, so old artifacts then must be rebuilt (it is part of the artifact version;
 * test/artifact-version.test.ts fails when the stored terms change without a bump).
 * 2: synonyms (the built-in list and the KB's synonyms.yml) rewrite the sequence of terms.
 * 3: the built-in list without `timeout` = `time out`.
 * 4: the built-in list reads `no longer` as `stop`.
 */
export const ANALYSIS_VERSION = 4

const kbTrim: lunr.PipelineFunction = (token) => {
  const t = trim(token.toString())
  return t === '' ? null : token.update(() => t)
}

const kbExpand: lunr.PipelineFunction = (token) => expandIdentifier(token.toString()).map((term) => token.clone(() => term))

const kbStopWords: lunr.PipelineFunction = (token) => (isStopWord(token.toString()) ? null : token)

const kbStem: lunr.PipelineFunction = (token) => token.update((s) => stem(s))

/** The label of the synonyms step: one label, whatever the KB's synonyms (the artifact stores them beside the index). */
export const SYNONYMS_LABEL = 'kb-synonyms'

/**
 * The synonyms step of one table: between expansion and stop words, since a phrase is matched
 * with its stop words (`log in`) and the words it stands for still go through the rest. A Lunr
 * step sees one token at a time but is given the whole sequence, so the sequence is read once
 * (kept per sequence) and each token takes its part: itself, the canonical words, or nothing.
 */
export function synonymsStep(synonyms: Synonyms): lunr.PipelineFunction {
  const plans = new WeakMap<lunr.Token[], Array<readonly string[] | undefined>>()
  const fn: lunr.PipelineFunction = (token, i, tokens) => {
    let plan = plans.get(tokens)
    if (!plan) plans.set(tokens, (plan = synonyms.surfacePlan(tokens.map((t) => termKey(t.toString())))))
    const words = plan[i]
    return words === undefined ? token : words.map((w) => token.clone(() => w))
  }
  // Labelled like the registered step, so Lunr takes it as registered (its data is the KB's, stored apart).
  ;(fn as { label?: string }).label = SYNONYMS_LABEL
  return fn
}

const BUILTIN_STEP = synonymsStep(Synonyms.from())

const STEPS: Array<[lunr.PipelineFunction, string]> = [
  [kbTrim, 'kb-trim'],
  [kbExpand, 'kb-expand'],
  [BUILTIN_STEP, SYNONYMS_LABEL],
  [kbStopWords, 'kb-stop-words'],
  [kbStem, 'kb-stem'],
]

for (const [fn, label] of STEPS) lunr.Pipeline.registerFunction(fn, label)

/** Configure a Lunr builder with this project's tokenizer and pipelines (index and search alike), with a KB's synonyms (default: the built-in list). */
export function configureBuilder(builder: lunr.Builder, synonyms?: Synonyms): void {
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  ;(builder as unknown as { tokenizer: typeof kbTokenizer }).tokenizer = kbTokenizer
  const step = synonyms ? synonymsStep(synonyms) : BUILTIN_STEP
  for (const [fn, label] of STEPS) {
    builder.pipeline.add(label === SYNONYMS_LABEL ? step : fn)
    builder.searchPipeline.add(label === SYNONYMS_LABEL ? step : fn)
  }
}

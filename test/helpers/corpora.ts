/** Where the shared public corpora are, for the tests that import them or check ids against them. */
import path from 'node:path'
import { REPO } from './kb.js'

/**
 * The corpora folder: KB_CORPORA_DIR, else shared/bench/corpora beside the repo (CI places shared/
 * beside the clone); a relative path is taken from the repo. scripts/eval.ts uses the same rule.
 */
export function corporaDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(REPO, env.KB_CORPORA_DIR || path.join('..', 'shared', 'bench', 'corpora'))
}

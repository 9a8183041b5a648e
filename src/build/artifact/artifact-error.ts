/** The one error an artifact that cannot be used raises, wherever it is found (reading, checking, decoding). */

/** Raised when an artifact cannot be used; its message says how to rebuild. */
export class ArtifactError extends Error {
  constructor(file: string, problem: string) {
    super(`Cannot load index artifact ${file}: ${problem}. Rebuild it with: npm run kb -- build --out ${file}`)
    this.name = 'ArtifactError'
  }
}

/** What is wrong with an artifact whose bytes are the ones written: its index or articles do not agree (a build's bug, or a hand's). */
export class Inconsistency extends Error {}

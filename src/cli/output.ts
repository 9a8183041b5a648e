/** Human-readable CLI output for search and match results. */
import type { MatchResult } from '../core/match/match.js'
import type { SearchResult } from '../core/search/search.js'

const out = (s = ''): void => {
  process.stdout.write(`${s}\n`)
}

/** Print search results, best first. */
export function printSearch(r: SearchResult): void {
  if (r.notice) out(`note: ${r.notice}`)
  out(`${r.total} result${r.total === 1 ? '' : 's'}`)
  r.results.forEach((h, i) => {
    out(`\n${i + 1}. ${h.title}  [${h.id}]  score ${h.score}`)
    out(`   ${h.snippet}`)
  })
}

/** Print match results with why each matched, or say plainly that nothing fits. */
export function printMatch(r: MatchResult): void {
  if (r.signals.errorCodes.length) out(`Recognized: ${r.signals.errorCodes.join(', ')}`)
  if (r.noConfidentMatch) out('No article in the KB fits this confidently. Closest candidates:')
  r.results.forEach((h, i) => {
    out(`\n${i + 1}. ${h.title}  [${h.id}]  confidence ${h.confidence.toFixed(2)}`)
    if (h.matchedErrorCodes.length) out(`   codes: ${h.matchedErrorCodes.join(', ')}`)
    for (const s of h.matchedSymptoms) out(`   symptom: ${s.symptom}\n     ← ${s.line}`)
  })
  if (r.results.length === 0) out('No candidates.')
}

/**
 * Every tuned number of symptom matching, in one place (MiniSearch's `defaultOptions`): each with
 * its default and the measurement that chose it. The sources are the eval (`npm run eval`: 206
 * labelled pastes over 194 articles, `eval/README.md`) and the bench (`npm run bench`: a
 * 10,000-article KB, `bench/README.md`); commits named by hash say more.
 *
 * The confidence calibration was fitted with all of these in place: change any one and scores
 * move, so the confidence no longer means what it says. Refit with `npm run eval` (it prints the
 * calibration table, and warns while `calibration.optionsDigest` is not the digest of the current
 * options), then set `calibration` (slope, intercept and `optionsDigest`) to the new fit.
 */

/** The defaults of every matching option. */
export const MATCH_DEFAULTS = {
  // ------------------------------------------------------------------ reading the paste

  /**
   * A paste of more lines than this is triaged like an engineer skims a log: only the lines that
   * could be the error (an error word or level, a code) and the lines around them are read in full.
   * Set with 691c510: 10K bench KB, 40 KB pastes 19 -> 9-11 ms per match, eval unchanged.
   */
  triageLines: 150,
  /** Lines read either side of each line the triage keeps (wrapped messages, stack frames). Set by hand with `triageLines` (691c510), not measured apart. */
  triageContext: 2,
  /**
   * How much each sign makes a line look like an error report (errorLikeness, clamped to 0..1):
   * added for a log level (ERROR, WARN…), an error word, a recognized code; taken off for a quiet
   * level (INFO, DEBUG…) among its first words and for a stack frame (context, not the error).
   * Set by hand with the first matcher (482a08c), not measured. `exitStatus` is taken off a line
   * reporting a process's exit status without a strong code (`ERROR: Job failed: exit code 1`):
   * the outcome a CI runner prints after the error. At 0 (before) three gitlab-troubleshooting
   * terminal pastes went to the KB's article on a job failing with exit code 1; set by hand to
   * the weight of a log level, so that the line weighs as chatter: held out, gitlab terminal
   * top-1 0.86 -> 0.92 (with the refusal words of signals.ts' ERROR_WORDS), the other four corpora unchanged.
   */
  errorLikeness: { logLevel: 0.5, errorWord: 0.4, code: 0.4, quietLevel: 0.4, stackFrame: 0.3, exitStatus: 0.5 },
  /** A line at least this error-like is reported in `signals.errorLines` (the five most error-like). Set by hand, not measured. */
  errorLineAt: 0.5,

  // ------------------------------------------------------------------ typo correction

  /**
   * Unknown words of a short, hand-typed paste are corrected to KB terms one edit away: at most
   * this many words (a paste with more is not hand-typed), each looked up only while the budget
   * lasts, and only when no longer than the KB's longest term plus one (engine.wordsOneEditAway).
   * Set by hand with typo correction (9f8f529), not measured.
   */
  maxTypoLookups: 12,
  /** Pastes of more lines than this were copied, not typed: no typo correction. Set by hand (9f8f529), not measured. */
  maxLinesForTypos: 3,
  /** Only words of letters at least this long are corrected: shorter ones are one edit from too many terms. Set by hand (9f8f529), not measured. */
  minTypoWordLength: 5,

  // ------------------------------------------------------------------ candidates

  /**
   * Most terms taken from a paste into the candidate query (the rarest first). The eval's dev set
   * gives the same top-1 from 12 to 32 terms, the bench's 10,000-article KB the same from 14 to 32;
   * each term dropped saves scanning its postings (the last ones are the commonest, with the longest
   * lists): at 16 instead of 20 a 40 KB paste costs about 10% less CPU at 10,000 articles, with the
   * same dev top-1 and bench top-1 (and one more held-out paste right).
   */
  maxQueryTerms: 16,
  /**
   * A term's weight in the query is its IDF times its line's weight, `lineWeightBase` plus how
   * error-like the line is (0..1): a term of chatter counts a third of one of an error line. Set by
   * hand with the first matcher (482a08c), not measured.
   */
  lineWeightBase: 0.5,
  /**
   * What a bare number of 1 to 3 digits is worth as a query term, times its IDF: in logs mostly
   * sizes, counts and ids; as codes they are caught by the code patterns in context ("HTTP 503",
   * "Msg 511"). Set with df811a3 (bare numbers in logs count little), not measured apart.
   */
  shortNumberWorth: 0.25,
  /**
   * Candidates re-ranked (plus those sharing a rare code). The eval's 194-article KB shows no
   * difference between 20 and 40; the bench's 10,000-article KB does (top-1 of short pastes 0.67
   * at 20, 0.72 at 40; 40 KB pastes 0.70 and 0.83), so 40, at about 1.6 ms more per short paste.
   */
  candidates: 40,
  /**
   * Articles sharing a recognized code with the paste join the candidates even when the term
   * query missed them, if the code is this rare in the KB; the articles of a common code
   * (`http 503` in hundreds) are left to the term query, which ranks them by the rest of the paste.
   * Set by hand, not measured.
   */
  maxArticlesPerCode: 20,

  // ------------------------------------------------------------------ comparing symptoms

  /**
   * Lines compared with the candidates' symptoms, the most informative first (each also read in a
   * window with the next lines, for wrapped messages): a 40 KB log costs no more to compare than
   * its few dozen lines that hold the paste's informative terms. Set by hand, not measured.
   */
  maxScoredLines: 40,
  /** Lines in a window, for a message wrapped over several lines. Set with 9f8f529 (3-line windows), not measured. */
  windowLines: 3,
  /** A segment holding less than this share of a symptom's weight is not scored against it. Set by hand (9f8f529), not measured. */
  minSymptomCoverage: 0.2,
  /** Nor one whose share is below this fraction of the best score so far (it cannot win). Set by hand (9f8f529), not measured. */
  pruneBelowBest: 0.75,
  /**
   * The part of a symptom's similarity that depends on word order: coverage × (1 - orderShare +
   * orderShare × share of the symptom's word pairs in the segment). Set with df811a3 (order-aware
   * similarity), not measured apart.
   */
  orderShare: 0.4,
  /**
   * What a symptom word counts when the segment holds it only inside an identifier (`acquir` of
   * `CannotAcquireLockException`), as a share of its weight, unless the symptom names that
   * identifier too: a class name's words are one name, not the phrase "acquiring the state lock"
   * (a SQL Server deadlock paste got the gitlab KB's Terraform state-lock article, confident).
   * Above 0: a word found counts for something. Chosen on the eval leaving one corpus out: 0.25,
   * 0.5, 0.75 and 1 (before) give the same held-out top-1 on every corpus but bundled (described
   * 0.97 -> 0.95 at 0.25); 0.5 and 0.75 both take the gitlab KB's one confident negative (that
   * paste) off, 0.5 with the identifier-only match below `symptomThreshold` (0.75 leaves it at
   * 0.53). Held out at 0.5: confident-wrong unchanged everywhere; confident positives gitlab
   * 58.8% -> 55.4%, bundled 65.0% -> 64.3%, the others unchanged.
   */
  splitPartShare: 0.5,
  /**
   * Of messages wrapped in one another on one error line (`rpc error: ...: transport: Error while
   * dialing ...: x509: certificate signed by unknown authority`, a JSON log's exception class before
   * its message), the one ending the line is the cause: a symptom's similarity loses this much times
   * the share of its line's terms after its match (segments.ts `tailShare`; lines holding two
   * separators or more and some sign of an error; a typed sentence's order says nothing of causes).
   * Chosen on the eval, every corpus held out: 0 (before), 0.05, 0.1, 0.2 give top-1 0.92, 0.93,
   * 0.93, 0.93 on gitlab-troubleshooting (app-log 0.90 -> 0.97: two pastes whose wrapper message
   * has an article of its own), the other four corpora unchanged at each value; 0.2 adds a confident
   * wrong answer (gitlab 1.4% -> 2.0%); without the two-separator condition 0.1 also moved a typed
   * paste each way (aws and gitlab `described`).
   */
  causeLast: 0.1,
  /** A symptom counts as matched (reported in `matchedSymptoms`) at or above this similarity. Set by hand, not measured. */
  symptomThreshold: 0.5,
  /**
   * What matching a quoted message in full is worth, from its weight in units of a term only one
   * article holds: nothing up to `none` (`"Config Error"`, half a unit), in full from `full`.
   * Set with 543888f: eval top-1 0.942 -> 0.953, dev 0.97 -> 0.98, holdout 0.88 -> 0.90.
   */
  quoteUnits: { none: 1.2, full: 3.2 },
  /**
   * The same for a whole symptom: worth its weight in units up to `full`. A symptom that is a few
   * common words (gitlab-troubleshooting's "timed out", "git push", "Secure job failing with exit
   * code 1") matched in full said as much as a rare message did, and won over the article whose
   * message the paste held. Chosen on the eval (held-out top-1 and described, each corpus): at 1 for
   * every symptom, gitlab-troubleshooting 0.87 (described 0.74), aws-devtools 0.89 (0.82); at
   * {0, 2}, 0.88 (0.86) and 0.89 (0.88); at the quoted messages' {1.2, 3.2}, 0.84 (0.77) and 0.87
   * (0.85); bundled 0.98 in all three; mslearn-iis 0.97, 0.94, 0.96; mssql-errors 0.99, 0.99, 1.00.
   */
  symptomUnits: { none: 0, full: 2 },
  /**
   * A sentence of an article's symptoms (a line of one, a labelled line's message, or a message it
   * quotes) that the paste holds word for word, stop words and all, is matched whatever its words'
   * rarity: "The HTTP service could not be stopped." is verbatim error text though every word in it
   * is common (the KCS symptom: the user's own words and the exact message). Worth nothing up to
   * `none` words ("Access is denied." ends too many problems), in full from `full`, in between as
   * long as it is: a longer sentence is less likely to be in another problem's message ("fatal:
   * Could not read from remote repository." ends many git problems: 6 words, a third). It raises a
   * score, never a confidence on its own (`specificity`). Set by hand, then checked on the eval
   * (see the commit).
   */
  verbatimWords: { none: 5, full: 8 },

  // ------------------------------------------------------------------ codes

  /**
   * How much a shared code says, by kind and by how many articles list it: a bare HTTP status
   * (many problems end in one, 9f8f529), a short number listed as a code; words listed as a code
   * (`"service unavailable"`) as `common`; else 1 for a code one article lists, `rare` for one up
   * to `rareUpTo` articles list, `common` above. The df steps were set by hand (482a08c), not measured.
   * A socket error or an unspecified HRESULT (E_FAIL) weighs by its df too (it weighed 0.3 whatever
   * its df, 9cdaf17, to keep a Node ECONNREFUSED off the confident answers; `specificity` does that
   * now): in a KB with one article on Winsock 10061, ECONNREFUSED names that article (mssql-errors
   * stack traces 0.80 -> 0.90), but it is never specific evidence. An error class named for saying
   * nothing (`UnknownError` in a deployment's status column, `InternalError`) weighs as `common`,
   * whatever its df, and is never specific evidence either (it made a confident wrong answer of
   * aws-devtools-troubleshooting: confident-wrong 1.9% -> 0.9% held out, top-1 unchanged).
   */
  codeWeights: { httpStatus: 0.2, shortNumber: 0.45, unique: 1, rare: 0.75, rareUpTo: 3, common: 0.45 },
  /**
   * A code named only on chatter lines counts this much plus how error-like its best line is (at
   * most 1): an INFO line listing w3wp.exe counts half. Set with 543888f (see `quoteUnits`).
   */
  chatterCodeShare: 0.5,
  /** Taken off when the paste and the article both name specific codes of one kind, and none in common. Set with df811a3, not measured apart. */
  codeConflictPenalty: 0.1,
  /**
   * How the evidence adds up: best symptom similarity, shared codes, share of the paste's informative
   * terms the article holds, Lunr score relative to the best (set by hand, df811a3, not measured
   * apart), and `symptomCoverage`: the share of those terms found anywhere in the article's symptoms
   * taken together. A problem told in the user's own words ("at lunchtime some users get 503 though
   * the pool stays up; only the HTTPERR files show them") meets an article's symptoms one clause
   * each; the best single symptom sees one clause only. Chosen on the eval over {0, 0.05, 0.1, 0.15,
   * 0.2, 0.3}, each corpus held out: 0.1 and 0.15 gave bundled 0.98 -> 0.99 (own words 0.97 ->
   * 1.00), gitlab one own-words paste won and one lost, the rest unchanged; 0.05 lost a gitlab
   * paste; 0.2 and 0.3 lost gitlab and mslearn-iis pastes. Leaving one corpus out, four folds choose
   * 0.1 (or 0.15) and the bundled fold ties it with 0.
   */
  weights: { symptom: 0.45, code: 0.25, coverage: 0.2, retrieval: 0.1, symptomCoverage: 0.1 },

  // ------------------------------------------------------------------ confidence

  /**
   * An answer is confident only on evidence specific to its article (issue 16): a code it shares
   * with the paste that no other article lists and that says something on its own (not a bare HTTP
   * status, a short number, listed words, a socket error or E_FAIL; a code two articles list, such as
   * .NET's WebException, put a wrong mslearn-iis answer among the confident ones), or a matched symptom (similarity
   * at least `symptomThreshold`) whose terms found in the paste weigh at least `phraseUnits` terms
   * only one article holds (their IDFs summed, over the IDF of a term of df 1), and `marginUnits`
   * more than any other of the `rivals` best hits (two articles on one error, a third one matching
   * its message better: a gitlab-troubleshooting x509 paste). Without either, common words lined up, or two articles match
   * alike: the confidence is capped at `cap`, below `confidenceThreshold`. Chosen on the eval's
   * corpora leaving one out (bundled, mslearn-iis, mssql-errors, gitlab-troubleshooting,
   * aws-devtools-troubleshooting; 940 pastes): most confident-right answers less ten times the
   * confident-wrong and confident negatives; four of the five folds chose 2 units and a margin of
   * 0.5. Held out, confident-wrong at most 1.9% of any corpus's positives (1.5 and 1.5: gitlab 3.4%).
   */
  specificity: { phraseUnits: 2, marginUnits: 0.5, rivals: 3, cap: 0.45 },

  /**
   * Confidence = logistic(slope * score + intercept): the probability that a top result with this
   * score is the right article (then capped by `specificity`). Fitted by `npm run eval` on every
   * corpus's top scores (920 pastes over bundled, mslearn-iis, mssql-errors, gitlab-troubleshooting
   * and aws-devtools-troubleshooting); each corpus's figures there are held out, from a fit on the
   * others. 0.5 falls at a score of 0.352.
   * `optionsDigest` is `optionsDigest()` of the options it was fitted with.
   */
  calibration: { slope: 18, intercept: -6.79, optionsDigest: 'c40de35b' },
  /** Below this confidence the best result is not presented as the answer (`noConfidentMatch`). Chosen with the eval's threshold sweep (df811a3). */
  confidenceThreshold: 0.5,
}
export type MatchOptions = typeof MATCH_DEFAULTS

/**
 * A short digest of the options a calibration depends on: every option but the calibration itself
 * and the threshold applied after it (FNV-1a over the values as JSON, keys sorted).
 */
export function optionsDigest(options: MatchOptions = MATCH_DEFAULTS): string {
  const { calibration: _calibration, confidenceThreshold: _threshold, ...scored } = options
  let h = 0x811c9dc5
  for (const ch of canonicalJson(scored)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
  return h.toString(16).padStart(8, '0')
}

/** A warning when the options differ from those the calibration was fitted with, else undefined. */
export function calibrationWarning(options: MatchOptions = MATCH_DEFAULTS): string | undefined {
  const now = optionsDigest(options)
  const fitted = options.calibration.optionsDigest
  if (now === fitted) return undefined
  return `the matching options (digest ${now}) differ from those the calibration was fitted with (${fitted}): confidences are off until it is refitted; set calibration in src/core/match/options.ts from this run`
}

/** JSON with object keys sorted, so a digest does not depend on the order options are written in. */
function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`
}

/**
 * Multi-problem pages: a troubleshooting page whose headings each name a problem (an error quoted
 * in the heading, "Error: ...", "Message: ...", "... fails", "Unable to ...") is one article per
 * problem. This file finds those sections and reads each one's fields: the error quoted in its
 * heading and the log or error excerpts below it are the symptoms (verbatim), a sentence saying
 * why is the cause, and the rest (steps, commands, configuration) is the resolution. A problem
 * whose section says nothing to do is skipped, with that reason.
 */
import type { Code, Nodes, RootContent } from 'mdast'
import {
  classifyHeading,
  descendants,
  isBareRoleHeading,
  parseMarkdown,
  plainText,
  type Role,
  type Section,
  type Source,
  tidyLines,
  type Vocabulary,
} from './markdown.js'
import { sectionKey } from './settings.js'
import { addSymptomsFrom, type Found } from './symptoms.js'
import { labelText, type Part, uniq, unescapeMd } from './text.js'

/** Words of a heading that name a problem ("... fails", "not triggered", "Unable to ...", "403"). */
const PROBLEM_WORDS =
  /\b(?:errors?|fail(?:s|ed|ing|ures?)?|fatal|exceptions?|denied|refused|invalid|time[sd]?[ -]?outs?|timing out|unable|cannot|can't|can ?not|couldn't|could not|won't|doesn't|does not|don't|do not|didn't|did not|isn't|is not|aren't|are not|wasn't|weren't|not \w+|no such|unauthori[sz]ed|forbidden|panics?|warnings?|crash(?:es|ed|ing)?|hangs?|hanging|freezes?|stuck|slow(?:ness)?|missing|unexpected(?:ly)?|mismatch(?:ed|es)?|broken|lost|empty|outdated|out of (?:date|sync|memory|space)|unknown|unreachable|unavailable|rejected|conflicts?|corrupt(?:ed|ion)?|stale|blocked|incorrect(?:ly)?|wrong|exceed(?:s|ed)?|too (?:many|large|long|big)|disappear(?:s|ed)?|never|loops?|throttl\w*|leaks?|deadlocks?|unsupported|unresponsive|unhealthy|expired?|revoked|duplicated?)\b|(?<![\w.])[45]\d\d(?![\w.])/i

/** Headings that open a guide, not a problem ("Troubleshooting ...", "Enable debug logging", "Related topics"). */
const GUIDE_HEADING =
  /^(?:troubleshoot(?:ing)?|debug(?:ging)?|how to|enabl(?:e|ing)|configur(?:e|ing)|check(?:ing)?|verify(?:ing)?|view(?:ing)?|collect(?:ing)?|gather(?:ing)?|get(?:ting)? (?:started|help|more|the|logs?|information)|find(?:ing)?|use|using|set(?:ting)? up|example|examples|related|see also|logs?|logging|overview|introduction|prerequisites|known issues|common (?:errors|issues|problems)|general|other|more information|useful|tips|next steps|workarounds?|resolutions?|solutions?|fix(?:es)?|steps|diagnos\w*|identify(?:ing)?|monitor(?:ing)?|migrat\w*|upgrad\w*|install\w*|reset(?:ting)?|disabl(?:e|ing)|rebuild\w*|restor\w*|back(?:ing)? up|clean\w*|remov\w*|updat\w*|creat\w*|run(?:ning)?|manag\w*|work(?:ing)? with|access(?:ing)?|about|need help|general)\b/i

/** Headings that end by saying they explain ("HTTP 502 overview"). */
const GUIDE_END = /\b(?:overview|introduction|summary|reference|examples?)$/i

/** Words that say something failed, strong enough to make a topic heading a problem ("Using X can cause deployments to fail", "Troubleshooting a failed ... event"). */
const FAILURE_WORDS =
  /\b(?:fail(?:s|ed|ing|ures?)?|errors?|exceptions?|denied|refused|cannot|can't|unable|crash(?:es|ed)?|not (?:work(?:ing)?|start(?:ing)?|found))\b/i

/** A heading that starts by saying what it quotes ("Error: ...", "Message: `...`"). */
const QUOTING_HEADING = /^(?:error|message|warning|exception|fatal|failure)\s*(?::|`|"|'|\u201c)/i

/** Fence languages of output rather than input (logs, plain text, HTTP exchanges). */
const OUTPUT_LANGS = new Set([
  '',
  'plaintext',
  'plain',
  'text',
  'txt',
  'log',
  'logs',
  'output',
  'console',
  'shell-session',
  'http',
  'json',
  'stacktrace',
  'traceback',
])

/** Text that reads as an error or a failure, in a log or a message. */
const ERROR_TEXT =
  /\b(?:error|err|errors|fail\w*|fatal|exception|denied|refused|invalid|timed? ?out|timeout|unable|cannot|can't|could not|couldn't|not found|no such|does not exist|not allowed|unauthori[sz]ed|forbidden|panic|traceback|warn(?:ing)?|rejected|abort\w*|killed|segfault|errno|unknown|unexpected|missing)\b|(?<![\w.])[45]\d\d(?![\w.])/i

/** A prompt at the start of a line of a shell excerpt ("$ git push", "> kubectl get pods"). */
const PROMPT = /^\s*(?:[$#>%]|PS [^>]*>)\s+\S/

/** Paragraphs that introduce what the user sees, not what to do ("You might get the following error:"). */
const SEES =
  /\b(?:you (?:might|may|can|could|will|would)?\s*(?:get|see|receive|encounter|notice|observe|find|run into|experience)|(?:the )?following (?:error|message|output|log|warning|exception)s?|(?:error|message|warning)s? (?:that |which )?(?:says|states|reads|similar to|like)|(?:is|are) (?:returned|displayed|shown|logged|raised|thrown|reported)|fails? with|with (?:an|the|this) error|errors? (?:out )?(?:with|in|when)|an error occurs)\b/i

/** Sentences that say why a problem happens. */
const CAUSAL =
  /\b(?:(?:this|the|these|that|such)\s+(?:\w+\s+)?(?:problem|issue|error|behaviou?r|symptom|failure|message|warning|exception)s?\s+(?:\w+\s+){0,2}(?:occurs?|happens?|arises?|appears?|is (?:caused|triggered|returned|raised|expected)|are caused|results? from)|(?:occurs?|happens?|fails?) (?:because|when|if)|(?:is|are) caused by|because of|due to|this (?:means|indicates) that)\b/i

/** A sentence that tells the reader what to do ("Make sure ...", "you must delete ...", "To fix this, ..."). */
const DOES =
  /^(?:make sure|ensure|run|use|set|update|upgrade|downgrade|install|reinstall|configure|enable|disable|add|remove|delete|restart|check|verify|try|retry|re-?run|contact|change|increase|edit|create|grant|specify|wait|consider|switch|see)\b|\b(?:to (?:resolve|fix|work ?around|avoid|prevent|correct|solve|remove|stop|clear|eliminate|recover from)|you (?:can|should|must|need to|have to|may want to|might want to|can try to)|workaround|instead|make sure|ensure|(?:is|are) recommended|we recommend|first (?:confirm|check|verify))\b/i

/** A sentence that opens by saying what to do, or says what the reader can or must do. */
const DOES_START =
  /^(?:to (?:resolve|fix|work ?around|avoid|prevent|correct|solve|remove|stop|clear|eliminate|recover from)|make sure|ensure|run|use|set|update|upgrade|install|configure|enable|disable|add|remove|delete|restart|check|verify|try|contact|change|edit|create|grant)\b|\byou (?:can|should|must|need to|have to)\b|\b(?:make sure|ensure)\b/i

/** What a section says to do: steps, commands, settings, or a sentence that says what to do. */
const FIX_CUE =
  /\b(?:to (?:resolve|fix|work ?around|avoid|prevent|correct|solve|address|mitigate|remove|stop|clear|eliminate|recover from)|resolve|fix(?:ed)?|work ?around|ensure|make sure|verify|check|re-?run|run|set|use|consider|want to|update|upgrade|downgrade|install|reinstall|configure|enable|disable|add|remove|delete|restart|reboot|change|rename|increase|decrease|reduce|raise|try|retry|contact|re-?create|regenerate|reset|rotate|renew|replace|move|grant|assign|edit|modify|specify|define|create|confirm|wait|manually|instead|should|must|need to|needs to|you can|can be (?:resolved|fixed|avoided)|recommended|upgrading|updating)\b/i

/** Bold labels that open a paragraph and say which field the text after them is ("**Problem:** ...", "**Possible fixes:** ..."). */
const LABELS: Array<['symptoms' | 'cause' | 'resolution', RegExp]> = [
  ['symptoms', /^(?:problems?|issues?|symptoms?|errors?|error messages?)$/],
  ['cause', /^(?:(?:possible|probable|likely|root) )?(?:causes?|reasons?)$|^explanation$/],
  ['resolution', /^(?:(?:recommended|possible|suggested) )?(?:solutions?|fix(?:es)?|resolutions?|workarounds?|actions?)$|^(?:what to do|to fix|to resolve)$/],
]

/** A paragraph's text that says there is nothing to do ("None", "N/A"). */
const NOTHING = /^(?:none|n\/a|not applicable|no (?:fix|workaround|solution)(?: is available)?)\.?$/i

/** The label a run of inline nodes opens with ("**Cause:**", "***Possible cause:** ...*"), and where the label ends. */
function openingLabel(nodes: Nodes[], src: Source, vocab: Vocabulary | undefined): { role: 'symptoms' | 'cause' | 'resolution'; end: number } | undefined {
  let [first, second] = nodes
  // A label inside emphasis ("***Possible cause:** ...*"): the emphasis's own first nodes.
  if (first?.type === 'emphasis' && first.children[0]?.type === 'strong') [first, second] = [first.children[0], first.children[1] ?? second]
  if (first?.type !== 'strong') return undefined
  const label = plainText(first).trim()
  const colonInside = /:\s*$/.test(label)
  const colonAfter = second?.type === 'text' && /^\s*:/.test(second.value)
  if (!colonInside && !colonAfter) return undefined
  const key = sectionKey(label)
  const fromMap = vocab && (['symptoms', 'cause', 'resolution'] as const).find((f) => vocab.sections[f].includes(key))
  const role = fromMap || LABELS.find(([, re]) => re.test(key))?.[0]
  return role ? { role, end: first.position?.end.offset ?? 0 } : undefined
}

/**
 * The labelled parts of a paragraph that opens with a bold label naming a field: each part's
 * field and its Markdown after the label. A hard line break followed by another label starts the
 * next part ("***Possible cause:** ...*  \n**Recommended solution:** ..."). Undefined when the
 * paragraph opens with no such label. The colon may sit inside or outside the bold.
 */
export function paragraphLabels(
  node: RootContent,
  src: Source,
  vocab?: Vocabulary,
): Array<{ role: 'symptoms' | 'cause' | 'resolution'; rest: string }> | undefined {
  if (node.type !== 'paragraph') return undefined
  const kids = node.children as Nodes[]
  const parts: Array<{ role: 'symptoms' | 'cause' | 'resolution'; from: number; to: number }> = []
  let start = 0
  for (let i = 0; i <= kids.length; i++) {
    if (i < kids.length && kids[i]!.type !== 'break') continue
    const segment = kids.slice(start, i)
    const label = segment.length ? openingLabel(segment, src, vocab) : undefined
    const to = (i < kids.length ? kids[i]!.position?.start.offset : node.position?.end.offset) ?? 0
    if (label) parts.push({ role: label.role, from: label.end, to })
    else if (parts.length === 0) return undefined
    else parts[parts.length - 1]!.to = to
    start = i + 1
  }
  // A label's closing emphasis mark ("*") is left at the end of its text: drop a lone one.
  const tidy = (t: string): string =>
    t
      .replace(/^\s*:?\s*/, '')
      .replace(/^\*(?!\*)/, '')
      .replace(/(?<!\*)\*\s*$/, '')
      .trim()
  return parts.map((p) => ({ role: p.role, rest: tidy(src.slice(p.from, p.to)) }))
}

/** True when a section's own paragraphs carry labels that say what the problem is or how to fix it. */
const labelled = (s: Section, src: Source, vocab: Vocabulary | undefined): boolean =>
  s.nodes.some((n) => {
    const parts = paragraphLabels(n, src, vocab)
    return parts !== undefined && parts.some((p) => p.role !== 'cause')
  })

/** A heading that states something (a verb of state or a problem noun), rather than saying what to do. */
const STATEMENT =
  /\b(?:is|are|was|were|isn't|aren't|must|should|can|could|may|might|will|would|does|do|has|have|returns?|shows?|appears?|happens?|stays?|keeps?|requires?|needs?|seems?|listens?|runs?|run|prompts?|obsoleted|overloads?|exhausts?|issues?|problems?|bugs?)\b/i

/** Headings that open with an instruction ("Add ... permissions", "Delete a group ...", "Run the task"). */
const IMPERATIVE =
  /^(?:add|avoid|change|delete|import|improve|investigate|list|observe|queue|re-?run|reinitiali[sz]e|reverify|run|search|set|sync|test|trace|transfer|turn)\b/i

/** True when a heading opens a guide or a list ("Enable debug logging", "Related topics", "HTTP 502 overview"). */
const isGuideHeading = (heading: string): boolean => {
  const text = unescapeMd(heading).trim()
  return GUIDE_HEADING.test(text) || GUIDE_END.test(text) || /\?$/.test(text)
}

/** True when a heading names a problem. */
export function isProblemHeading(heading: string, headingMarkdown = heading): boolean {
  const text = unescapeMd(heading).trim()
  const quoted = /`[^`]+`/.test(headingMarkdown)
  if (QUOTING_HEADING.test(text)) return true
  const topic = /^(?:troubleshoot(?:ing)?|using|debugging)\b/i.test(text)
  if ((GUIDE_HEADING.test(text) || GUIDE_END.test(text)) && !(quoted && PROBLEM_WORDS.test(text)) && !(topic && FAILURE_WORDS.test(text))) return false
  if (quoted) {
    const code = [...headingMarkdown.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).join(' ')
    if (PROBLEM_WORDS.test(text) || code.length >= 0.6 * text.length) return true
  }
  return PROBLEM_WORDS.test(text)
}

/** The role a section's own heading names (map file vocabulary first). */
const ownRole = (s: Section, vocab: Vocabulary | undefined): Role | undefined => (s.heading && !s.pseudo ? classifyHeading(s.heading, vocab) : undefined)

const isFieldRole = (r: Role | undefined): boolean => r === 'symptoms' || r === 'cause' || r === 'resolution'

/**
 * A section of a support article: its heading names a field and says no more ("Cause", "Cause 2",
 * "Resolution: ...", a pseudo-heading), unlike a topic that starts with a field's word ("Fix
 * incorrect merge request status", "Workaround in case no wildcard DNS entry can be set").
 */
export function isFieldSection(s: Section, vocab: Vocabulary | undefined): boolean {
  if (!s.heading) return false
  const role = s.pseudo ? classifyHeading(s.heading, vocab) : ownRole(s, vocab)
  if (!isFieldRole(role)) return false
  const key = unescapeMd(s.heading).trim()
  return s.pseudo || isBareRoleHeading(key, vocab) || /^(?:\d+[.)]\s+)?[\p{L} ]{1,30}?(?:\s+\d+)?\s*[:\-\u2013]/u.test(key) || /^\S+\s+\d+$/.test(key)
}

/** A problem section (its heading names a problem, or its paragraphs are labelled Problem / Solution), or one that only groups problems below it. */
const problemShaped = (s: Section, vocab: Vocabulary | undefined, src: Source): boolean =>
  !s.pseudo && s.depth >= 2 && !!s.heading && ownRole(s, vocab) === undefined && (isProblemHeading(s.heading, s.headingMarkdown) || labelled(s, src, vocab))

/** The outcome of looking for problems in a page: the problem sections, or why the page is not split. */
export interface ProblemSections {
  problems: Section[]
  /** Problem-shaped headings that only group the problems below them (no fix of their own). */
  groups: Section[]
}

/**
 * The problems of a page, in document order; undefined when the page is one article (`split`:
 * 'never'; or, with 'auto', fewer than two problems, or a Symptoms/Cause/Resolution section outside
 * them: a support article). With 'always', every leaf section with text is a problem too.
 */
export function findProblems(src: Source, root: Section, split: 'auto' | 'never' | 'always', vocab: Vocabulary | undefined): ProblemSections | undefined {
  if (split === 'never') return undefined
  const problems: Section[] = []
  const groups: Section[] = []
  const walk = (s: Section): void => {
    const shaped = problemShaped(s, vocab, src) || (split === 'always' && s.depth >= 2 && !s.pseudo && s.children.length === 0 && s.nodes.length > 0)
    // A sub-heading that quotes again the error its problem's heading quotes explains that problem
    // ("Troubleshooting `<the same error>` deployment errors"); it is not a problem of its own.
    const nested = descendants(s).some((d) => problemShaped(d, vocab, src) && !(shaped && restatesError(d, s)))
    if (shaped && !nested) {
      problems.push(s)
      return
    }
    if (shaped && nested) {
      // A heading over problems is a problem of its own only when its own text says what to do.
      if (hasFix(s.nodes.map((n) => plainText(n)).join('\n'), s.nodes)) problems.push(s)
      else groups.push(s)
    }
    for (const c of s.children) walk(c)
  }
  for (const c of root.children) walk(c)
  // On a page of problems, a sibling of the problems whose heading states something about the
  // product ("Tags must be set correctly", "Linux ACL issues") is one too; one that says what to do
  // ("Add ... permissions", "List all variables") is a how-to, not a problem.
  if (problems.length >= 2) {
    const parents = new Set(problems.map((p) => p.parent))
    const taken = new Set([...problems, ...groups].flatMap((p) => [p, ...descendants(p)]))
    for (const parent of parents) {
      for (const c of parent?.children ?? []) {
        if (taken.has(c) || c.pseudo || !c.heading || ownRole(c, vocab) !== undefined) continue
        if (c.nodes.length === 0 || isGuideHeading(c.heading) || IMPERATIVE.test(unescapeMd(c.heading)) || !STATEMENT.test(unescapeMd(c.heading))) continue
        if (descendants(c).some((d) => problemShaped(d, vocab, src))) continue
        problems.push(c)
      }
    }
    const order = new Map(descendants(root).map((d, i) => [d, i]))
    problems.sort((a, b) => order.get(a)! - order.get(b)!)
  }
  if (problems.length === 0) return undefined
  const inside = new Set(problems.flatMap((p) => [p, ...descendants(p)]))
  const strayRole = descendants(root).some((s) => !inside.has(s) && isFieldSection(s, vocab))
  if (strayRole && split === 'auto') return undefined
  return { problems, groups }
}

/** The words of a text, lowercased, for comparing quoted errors ("already exists at this location:" = "already exists at this location"). */
const wordsOf = (text: string): string =>
  (
    unescapeMd(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ')

/** True when every error a section's heading quotes is already quoted or said by the heading of the problem above it. */
export function restatesError(sub: Section, problem: Section): boolean {
  if (!sub.heading || !problem.heading) return false
  const quotes = headingQuotes(sub.heading, sub.headingMarkdown ?? sub.heading).map(wordsOf)
  const said = ` ${wordsOf(problem.heading)} `
  return quotes.length > 0 && quotes.every((q) => q.split(' ').length >= 3 && said.includes(` ${q} `))
}

/** True when text or blocks say what to do: a list, a command or setting, or a sentence that says it. */
export function hasFix(text: string, nodes: RootContent[]): boolean {
  if (nodes.some((n) => n.type === 'list' || n.type === 'table' || (n.type === 'code' && !isErrorExcerpt(n, false)))) return true
  return FIX_CUE.test(text)
}

/** True when a field's Markdown says what to do: a list, a fenced block, a table, or a sentence that says it. */
export function fixInMarkdown(markdown: string): boolean {
  return (
    /^\s*(?:[-*+]|\d+[.)])\s+\S/m.test(markdown) ||
    /^\s*(?:`{3,}|~{3,})/m.test(markdown) ||
    /^\s*\|.*\|\s*$/m.test(markdown) ||
    FIX_CUE.test(markdown) ||
    // A rule the reader is to follow: "Only trigger ... with tag names that ...", "Never set ...".
    /(?:^|[.!?]\s+)(?:only|always|never|do not|don't)\s+[a-z]+/im.test(markdown)
  )
}

/** A fenced block that shows what the user sees (a log, an error, a command and its failing output), not what to type. */
export function isErrorExcerpt(node: Code, beforeFix: boolean): boolean {
  const lang = (node.lang ?? '').toLowerCase()
  const lines = node.value.split('\n')
  const prompted = lines.some((l) => PROMPT.test(l))
  const output = prompted ? lines.filter((l) => !PROMPT.test(l) && l.trim() !== '').join('\n') : node.value
  if (!ERROR_TEXT.test(output) || output.trim() === '') return false
  if (lang === 'json' || lang === 'http') return beforeFix
  return OUTPUT_LANGS.has(lang) || prompted
}

/** What a heading quotes: its inline code, else what it has in double quotes (straight or curly): 'Error: "ARTIFACT_DENIED" when ...'. */
function headingQuotes(heading: string, headingMarkdown: string): string[] {
  const coded = [...headingMarkdown.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim())
  const text = coded.length ? '' : unescapeMd(heading).replace(/\s+/g, ' ')
  const inQuotes = [...text.matchAll(/["\u201c]([^"\u201c\u201d]{3,})["\u201d]/g)].map((m) => m[1]!.trim())
  return [...coded, ...inQuotes].filter((q) => q.length > 1)
}

/** The quoted strings of a heading (its inline code), or its text after "Error:"; the heading itself when it says more. */
export function headingSymptoms(heading: string, headingMarkdown: string): string[] {
  const text = unescapeMd(heading).replace(/\s+/g, ' ').trim()
  const quotes = headingQuotes(heading, headingMarkdown)
  const after = /^(?:error|message|warning|exception|fatal|failure)\s*:\s*(.+)$/i.exec(text)?.[1]?.replace(/^["'\u201c`]|["'\u201d`]$/g, '')
  const out: string[] = []
  // A quote that is a file or setting name (".gitlab-ci.yml") is no symptom; an error constant or a message is.
  const kept = quotes.filter((q) => isQuotedError(q) || /^[A-Z][A-Z0-9_]{3,}$/.test(q) || (q.length >= 0.6 * text.length && !looksLikeCommand(q)))
  if (kept.length) out.push(...kept)
  else if (after && quotes.length === 0) out.push(after)
  // The heading's own words when they say more than its quotes ("`403 Forbidden` error when downloading ...").
  let rest = text
  for (const q of quotes) rest = rest.replace(q, ' ')
  const words = rest.replace(/^(?:error|message|warning)\s*:/i, ' ').match(/[\p{L}\p{N}]+/gu) ?? []
  if (kept.length === 0 ? !after || quotes.length > 0 : words.length >= 3) out.push(text)
  return uniq(out)
}

/** A command line rather than a message: a prompt or sudo in front, a flag, or only lowercase words and paths. */
const looksLikeCommand = (code: string): boolean =>
  /^\s*(?:sudo|\$|#)\s/.test(code) || /\s--?[a-z]/.test(code) || /^[a-z0-9][\w./:=@-]*(?:\s+[a-z0-9<>{}\][\w./:=@<>{}-]*)*$/.test(code.trim())

/** Inline code that reads as a message, not a command or a name: error words, or a sentence of words that no shell prompt starts. */
const isQuotedError = (code: string): boolean => ERROR_TEXT.test(code) || (/[\p{L}]+ [\p{L}]+ [\p{L}]+/u.test(code) && !looksLikeCommand(code))

/** Inline code quoted by a paragraph that says what the user sees ("You might get the error `x: y z`"). */
function quotedErrors(node: Nodes): string[] {
  const out: string[] = []
  const visit = (n: Nodes): void => {
    if (n.type === 'inlineCode' && isQuotedError(n.value)) out.push(n.value.trim())
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c)
  }
  visit(node)
  return out
}

/** The fields one problem section yields. */
export interface ProblemFields extends Found {
  causeParts: Part[]
  resolutionParts: Part[]
  environment: string[]
  /** Blocks that introduce the problem ("You might get this error:"): the body. */
  context: string[]
  /** The source labels part of the section as the fix ("**Recommended solution:** ..."). */
  declaredFix?: boolean
}

/**
 * Read one problem section: symptoms from its heading and excerpts, the cause from sentences that
 * say why (or a Cause sub-section), the resolution from the rest (sub-sections labelled by their
 * headings; `otherProblems`: sub-sections that are problems of their own, left out).
 */
export function readProblem(src: Source, p: Section, vocab: Vocabulary | undefined, otherProblems: ReadonlySet<Section> = new Set()): ProblemFields {
  const out: ProblemFields = { symptoms: [], bodyExtras: [], headingsForCodes: [], causeParts: [], resolutionParts: [], environment: [], context: [] }
  if (p.heading) {
    out.symptoms.push(...headingSymptoms(p.heading, p.headingMarkdown ?? p.heading))
    out.headingsForCodes.push(p.heading)
  }
  const own: string[] = []
  const cause: string[] = []
  let fixSeen = false
  let labelRole: 'symptoms' | 'cause' | 'resolution' | undefined
  const nodes = p.nodes
  for (const [i, node] of nodes.entries()) {
    const md = src.block(node)
    // "**Problem:** ...", "**Possible fixes:** ...": the label says where this block and the next ones go.
    const labels = paragraphLabels(node, src, vocab)
    if (labels || labelRole) {
      for (const { role, rest } of labels ?? [{ role: labelRole!, rest: md }]) {
        labelRole = role
        if (!rest) continue
        if (role === 'symptoms') {
          if (labels) out.symptoms.push(tidyLines(plainText(parseMarkdown(rest))).replace(/\n/g, ' '))
          else addSymptomsFrom([node], src, out)
        } else if (role === 'cause') cause.push(rest)
        else {
          own.push(rest)
          fixSeen = true
          // The source labels it as the fix ("**Possible fixes:** ..."): that is its word, unless it says there is none.
          if (!NOTHING.test(unescapeMd(rest))) out.declaredFix = true
        }
      }
      continue
    }
    if (node.type === 'code') {
      if (isErrorExcerpt(node, !fixSeen)) {
        const t = node.value.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '')
        if (t.trim()) out.symptoms.push(t)
        continue
      }
      own.push(md)
      fixSeen = true
      continue
    }
    if (node.type === 'paragraph') {
      const text = tidyLines(plainText(node)).replace(/\n/g, ' ')
      const next = nodes[i + 1]
      const introducesExcerpt = /:\s*$/.test(text) && next?.type === 'code' && isErrorExcerpt(next, !fixSeen)
      const sentences = md.replace(/\s*\n\s*/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z`*"([])/)
      // What the user sees introduces the problem; from a sentence that says what to do, it is the fix.
      const fix = sentences.findIndex((x) => DOES_START.test(x) || (DOES.test(x) && !SEES.test(x)))
      if (introducesExcerpt || (!fixSeen && SEES.test(text) && fix !== 0)) {
        out.symptoms.push(...quotedErrors(node))
        if (fix < 0 || introducesExcerpt) {
          out.context.push(md)
          continue
        }
        out.context.push(sentences.slice(0, fix).join(' '))
        own.push(sentences.slice(fix).join(' '))
        fixSeen = true
        continue
      }
      if (CAUSAL.test(text) && !/:\s*$/.test(text)) {
        // Sentences that say why are the cause; from the first that says what to do, the resolution.
        const fix = sentences.findIndex((x) => DOES.test(x) && !CAUSAL.test(x))
        const why = fix < 0 ? sentences : sentences.slice(0, fix)
        if (why.length) cause.push(why.join(' '))
        if (fix >= 0) {
          own.push(sentences.slice(fix).join(' '))
          fixSeen = true
        }
        continue
      }
      own.push(md)
      if (FIX_CUE.test(text)) fixSeen = true
      continue
    }
    if (node.type === 'blockquote' && !fixSeen && ERROR_TEXT.test(plainText(node))) {
      addSymptomsFrom([node], src, out)
      continue
    }
    if (node.type === 'html' && /^<!--/.test(node.value.trim())) continue
    own.push(md)
    if (node.type === 'list' || node.type === 'table') fixSeen = true
  }
  if (cause.length) out.causeParts.push({ markdown: cause.join('\n\n') })
  if (own.length) out.resolutionParts.push({ markdown: own.join('\n\n') })
  const subSections = (s: Section): Section[] => s.children.filter((c) => !otherProblems.has(c)).flatMap((c) => [c, ...subSections(c)])
  for (const c of subSections(p)) {
    const role = ownRole(c, vocab)
    const nodesMd = c.nodes.map((n) => src.block(n)).join('\n\n')
    const label =
      c.headingMarkdown && !/^(?:causes?|resolutions?|solutions?|workarounds?|fix(?:es)?|symptoms?|root causes?)$/i.test(labelText(c.headingMarkdown))
        ? c.headingMarkdown
        : undefined
    if (role === 'symptoms') addSymptomsFrom(c.nodes, src, out)
    else if (role === 'cause') out.causeParts.push(label ? { label, markdown: nodesMd } : { markdown: nodesMd })
    else if (role === 'environment') out.environment.push(...c.nodes.map((n) => tidyLines(plainText(n))).flatMap((t) => t.split('\n')))
    else if (c.nodes.length) out.resolutionParts.push(label ? { label, markdown: nodesMd } : { markdown: nodesMd })
  }
  return out
}

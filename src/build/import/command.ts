/**
 * `kb import --from <dir> --to <dir> [--map import.yml] [--environment X] [--product X]
 * [--dry-run] [--force] [--json]`: convert a folder of troubleshooting pages into this KB's
 * format. Every file has one outcome: imported (as one or more articles) or skipped with one
 * reason; one line per skipped file (`path: skipped: reason`) on stderr, a summary on stdout.
 * `--dry-run` prints every file's outcome (and each problem of a page of problems) and a summary
 * by reason, and writes nothing. An article that would replace a file already in --to stops the
 * import before anything is written, unless --force. Exit code 0 when at least one article was
 * imported (or would be) and no file failed unexpectedly; 1 otherwise.
 */
import path from 'node:path'
import type { Command } from 'commander'
import type { ImportReport } from './import.js'
import type { FileOutcome } from './types.js'

interface ImportCommandOptions {
  from: string
  to?: string
  map?: string
  environment?: string[]
  product?: string[]
  split?: string
  dryRun?: boolean
  force?: boolean
  json?: boolean
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

/** Files, files imported, articles and skips by reason: the summary of a report. */
export function importSummary(report: ImportReport): {
  files: number
  imported_files: number
  articles: number
  problems: number
  skipped_problems: number
  skipped_by_reason: Record<string, number>
} {
  const byReason: Record<string, number> = {}
  const count = (reason: string): void => {
    // The reason's kind: the text before its first colon ("no resolution: ..." -> "no resolution").
    const kind = reason.replace(/:.*$/s, '')
    byReason[kind] = (byReason[kind] ?? 0) + 1
  }
  let problems = 0
  let skippedProblems = 0
  for (const f of report.files) {
    if (f.outcome !== 'imported') count(f.reason ?? 'not converted')
    for (const p of f.problems ?? []) {
      problems++
      if (p.skipped !== undefined && f.outcome === 'imported') {
        skippedProblems++
        count(`problem ${p.skipped}`)
      }
    }
  }
  return {
    files: report.files.length,
    imported_files: report.files.filter((f) => f.outcome === 'imported').length,
    articles: report.imported.length,
    problems,
    skipped_problems: skippedProblems,
    skipped_by_reason: byReason,
  }
}

/** One file's outcome as lines of text: the file, then each problem of a page of problems. */
function outcomeLines(f: FileOutcome, from: string): string[] {
  const file = path.join(from, f.source)
  const head =
    f.outcome === 'imported'
      ? `${file}: imported as ${f.articles.length === 1 ? f.articles[0] : `${f.articles.length} articles`}`
      : `${file}: ${f.outcome}: ${f.reason}`
  const lines = [head]
  for (const p of f.problems ?? []) lines.push(p.skipped ? `  - "${p.heading}": skipped: ${p.skipped}` : `  - "${p.heading}": ${p.id}`)
  return lines
}

/** Add `kb import` to the CLI. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('convert troubleshooting pages (support articles, error references, pages of problems) into KB articles')
    .requiredOption('--from <dir>', 'folder to read *.md files from (recursively)')
    .option('--to <dir>', 'folder to write <id>.md articles into (created if missing); required unless --dry-run')
    .option('--map <file>', 'map file: section names, environment, products, split (README: Bringing your own KB)')
    .option('--environment <name>', 'environment of every article whose source names none (repeatable)', collect)
    .option('--product <name>', 'product of every article (repeatable)', collect)
    .option('--split <mode>', 'pages of problems: auto (default), never, always')
    .option('--dry-run', 'print what each file would become, and a summary by reason; write nothing')
    .option('--force', 'overwrite articles already in --to (without it, the import stops and writes nothing)')
    .option('--json', 'machine-readable output')
    .action(async (o: ImportCommandOptions) => {
      let report: ImportReport
      const to = o.to ?? (o.dryRun ? path.join(o.from, '.kb-import-dry-run') : undefined)
      try {
        if (!to) throw new Error('--to <dir> is required (or use --dry-run)')
        if (o.split !== undefined && !['auto', 'never', 'always'].includes(o.split)) throw new Error(`--split must be auto, never or always (got "${o.split}")`)
        const { importFolder } = await import('./import.js')
        const { readImportMap, resolveSettings } = await import('./settings.js')
        const map = o.map ? await readImportMap(o.map) : {}
        const flags = {
          ...(o.environment ? { environment: o.environment } : {}),
          ...(o.product ? { products: o.product } : {}),
          ...(o.split ? { split: o.split as 'auto' | 'never' | 'always' } : {}),
        }
        const settings = resolveSettings(map, flags, o.map)
        report = await importFolder({ from: o.from, to, force: o.force === true, dryRun: o.dryRun === true, settings })
      } catch (err) {
        const message = (err as Error).message ?? String(err)
        if (o.json) process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`)
        else
          process.stderr.write(
            `${message
              .split('\n')
              .map((l) => `kb import: ${l}`)
              .join('\n')}\n`,
          )
        process.exitCode = 1
        return
      }
      const failed = report.skipped.filter((s) => s.error).length
      const ok = report.imported.length > 0 && failed === 0
      if (o.json) {
        const out = o.dryRun
          ? { ok, dry_run: true, from: o.from, files: report.files, summary: importSummary(report) }
          : {
              ok,
              from: o.from,
              to: o.to,
              counts: { imported: report.imported.length, skipped: report.skipped.length - failed, failed },
              imported: report.imported,
              skipped: report.skipped,
              summary: importSummary(report),
            }
        process.stdout.write(`${JSON.stringify(out)}\n`)
      } else if (o.dryRun) {
        const lines = report.files.flatMap((f) => outcomeLines(f, o.from))
        const s = importSummary(report)
        const reasons = Object.entries(s.skipped_by_reason).map(([r, n]) => `  ${r}: ${n}`)
        process.stdout.write(
          [
            ...lines,
            `Dry run: ${s.files} files, ${s.imported_files} would be imported as ${s.articles} articles; ${s.problems} problems on pages of problems, ${s.skipped_problems} skipped; nothing written`,
            ...(reasons.length ? ['Skipped by reason:', ...reasons] : []),
          ].join('\n') + '\n',
        )
      } else {
        for (const s of report.skipped) {
          process.stderr.write(`${path.join(o.from, s.source)}: ${s.error ? 'failed' : 'skipped'}: ${s.reason}\n`)
        }
        const total = report.files.length
        const noted = report.imported.filter((i) => i.notes.length > 0).length
        const importedFiles = report.files.filter((f) => f.outcome === 'imported').length
        const parts = [
          `Imported ${importedFiles} of ${total} files into ${o.to}${report.imported.length !== importedFiles ? ` as ${report.imported.length} articles` : ''}`,
          `skipped ${report.skipped.length - failed}`,
          ...(failed ? [`${failed} failed unexpectedly`] : []),
          ...(noted ? [`${noted} with notes (see --json)`] : []),
        ]
        process.stdout.write(`${ok ? 'OK' : 'FAILED'}: ${parts.join('; ')}\n`)
      }
      process.exitCode = ok ? 0 : 1
    })
}

/**
 * `kb import --from <dir> --to <dir> [--force] [--json]`: convert a folder of Markdown
 * troubleshooting articles into this KB's format. One line per skipped file (`path: skipped:
 * reason`) on stderr, a summary on stdout. An article that would replace a file already in --to
 * stops the import before anything is written, unless --force. Exit code 0 when at least one
 * article was imported and no file failed unexpectedly; 1 otherwise.
 */
import path from 'node:path'
import type { Command } from 'commander'
import type { ImportReport } from './import.js'

/** Add `kb import` to the CLI. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('convert Markdown troubleshooting articles (support-article or error-reference style) into KB articles')
    .requiredOption('--from <dir>', 'folder to read *.md files from (recursively)')
    .requiredOption('--to <dir>', 'folder to write <id>.md articles into (created if missing)')
    .option('--force', 'overwrite articles already in --to (without it, the import stops and writes nothing)')
    .option('--json', 'machine-readable output')
    .action(async (o: { from: string; to: string; force?: boolean; json?: boolean }) => {
      let report: ImportReport
      try {
        const { importFolder } = await import('./import.js')
        report = await importFolder({ from: o.from, to: o.to, force: o.force === true })
      } catch (err) {
        const message = (err as Error).message ?? String(err)
        if (o.json) process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`)
        else process.stderr.write(`kb import: ${message}\n`)
        process.exitCode = 1
        return
      }
      const failed = report.skipped.filter((s) => s.error).length
      const ok = report.imported.length > 0 && failed === 0
      if (o.json) {
        process.stdout.write(
          `${JSON.stringify({
            ok,
            from: o.from,
            to: o.to,
            counts: { imported: report.imported.length, skipped: report.skipped.length - failed, failed },
            imported: report.imported,
            skipped: report.skipped,
          })}\n`,
        )
      } else {
        for (const s of report.skipped) {
          process.stderr.write(`${path.join(o.from, s.source)}: ${s.error ? 'failed' : 'skipped'}: ${s.reason}\n`)
        }
        const total = report.imported.length + report.skipped.length
        const noted = report.imported.filter((i) => i.notes.length > 0).length
        const parts = [
          `Imported ${report.imported.length} of ${total} Markdown files into ${o.to}`,
          `skipped ${report.skipped.length - failed}`,
          ...(failed ? [`${failed} failed unexpectedly`] : []),
          ...(noted ? [`${noted} with notes (see --json)`] : []),
        ]
        process.stdout.write(`${ok ? 'OK' : 'FAILED'}: ${parts.join('; ')}\n`)
      }
      process.exitCode = ok ? 0 : 1
    })
}

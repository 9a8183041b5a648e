/**
 * `kb schema [--out FILE]`: write the JSON Schema of an article's frontmatter (the document
 * `GET /schema/article.json` serves), for an editor's `# yaml-language-server: $schema=...` line
 * (`kb new` writes one) or its settings. The file is generated: it is written over each time, so
 * it stays the schema of the installed kb.
 */
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { articleSchemaText } from '../build/content/json-schema.js'
import { CliError, systemReason } from './errors.js'

/** Where `kb schema` writes, and where `kb new`'s schema line points, unless told otherwise. */
export const DEFAULT_SCHEMA_FILE = 'article.schema.json'

/** Register `kb schema`. */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('write the JSON Schema of the article frontmatter, for editors (the server serves it at /schema/article.json)')
    .option('-o, --out <file>', 'file to write; - for standard output', DEFAULT_SCHEMA_FILE)
    .action(async (o: { out: string }) => {
      const text = articleSchemaText()
      if (o.out === '-') {
        process.stdout.write(text)
        return
      }
      await writeFile(o.out, text).catch((err: unknown) => {
        throw new CliError(`cannot write ${o.out}: ${systemReason(err) ?? (err as Error).message}`, 1, { cause: err })
      })
      process.stdout.write(`Wrote ${o.out}: the JSON Schema of the article frontmatter\n`)
    })
}

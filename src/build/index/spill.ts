/**
 * Encoded articles kept in a temporary file while a build collects the rest: the main thread keeps
 * only where each one is (and its id and codes), so its memory does not grow with the KB's text. Read back in the
 * artifact's order, from the page cache as a rule.
 */
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { EncodedArticle } from '../artifact/model.js'

/** An append-only file of encoded articles, each read back by the slot `appendAll` gave it. */
export class Spill {
  private readonly ids: string[] = []
  private readonly codes: string[][] = []
  /** Per slot: where its meta starts, its meta's length, its body's length. */
  private readonly places: number[] = []
  private size = 0

  private constructor(
    private readonly folder: string,
    private readonly handle: FileHandle,
  ) {}

  /** A spill file in a temporary folder of its own. */
  static async create(): Promise<Spill> {
    const folder = await mkdtemp(path.join(tmpdir(), 'kb-build-'))
    return new Spill(folder, await open(path.join(folder, 'articles.bin'), 'w+'))
  }

  /** Write encoded articles in one system call (a build thread's batch at a time); returns their slots, in order. */
  async appendAll(list: readonly EncodedArticle[]): Promise<number[]> {
    const at = this.size
    const slots: number[] = []
    const buffers: Uint8Array[] = []
    for (const a of list) {
      slots.push(this.ids.length)
      this.ids.push(a.id)
      this.codes.push(a.codes)
      this.places.push(this.size, a.meta.byteLength, a.body.byteLength)
      this.size += a.meta.byteLength + a.body.byteLength
      buffers.push(a.meta, a.body)
    }
    if (buffers.length > 0) await this.handle.writev(buffers, at)
    return slots
  }

  /** Read the article of a slot back. */
  async read(slot: number): Promise<EncodedArticle> {
    const at = this.places[3 * slot]!
    const metaLength = this.places[3 * slot + 1]!
    const bodyLength = this.places[3 * slot + 2]!
    const bytes = new Uint8Array(metaLength + bodyLength)
    let done = 0
    while (done < bytes.length) {
      const { bytesRead } = await this.handle.read(bytes, done, bytes.length - done, at + done)
      if (bytesRead === 0) throw new Error(`spill file ended early at slot ${slot}`)
      done += bytesRead
    }
    return { id: this.ids[slot]!, codes: this.codes[slot]!, meta: bytes.subarray(0, metaLength), body: bytes.subarray(metaLength) }
  }

  /** Close and remove the file. */
  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    await rm(this.folder, { recursive: true, force: true })
  }
}

/**
 * The artifact's binary primitives: a growable byte buffer that writes unsigned varints (7 bits a
 * byte, low first, as protobuf's) and a reader that checks every read against its end, so a
 * section that is cut short or holds garbage is a message, not an exception from deep inside.
 * Numbers are at most 2^53 (JavaScript's integers), which varints of 8 bytes cover.
 */

/** Raised by ByteReader when the bytes end inside a number or a number is too long; the reader's caller says where. */
export class ShortRead extends Error {}

/** A growable buffer of bytes, written in order. */
export class ByteWriter {
  private buf: Buffer
  private at = 0

  constructor(initial = 1 << 16) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initial))
  }

  /** Bytes written so far. */
  get length(): number {
    return this.at
  }

  /** Append an unsigned integer (0 to 2^53 - 1) as a varint. */
  varint(n: number): void {
    this.room(8)
    while (n >= 0x80) {
      this.buf[this.at++] = (n % 0x80) | 0x80
      n = Math.floor(n / 0x80)
    }
    this.buf[this.at++] = n
  }

  /** Append bytes as they are. */
  bytes(b: Uint8Array): void {
    this.room(b.length)
    this.buf.set(b, this.at)
    this.at += b.length
  }

  /** The bytes written (a view: valid until the next write), and start again. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at)
    this.at = 0
    return out
  }

  /** A copy of the bytes written, leaving them. */
  copy(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.at))
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n))
    this.buf.copy(next, 0, 0, this.at)
    this.buf = next
  }
}

/** Reads varints from a range of bytes, refusing to read past its end. */
export class ByteReader {
  at: number

  constructor(
    private readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.at = start
  }

  /** True when every byte has been read. */
  get done(): boolean {
    return this.at >= this.end
  }

  /** The next unsigned varint; throws ShortRead when the range ends inside it or it is longer than 8 bytes. */
  varint(): number {
    const { buf, end } = this
    let at = this.at
    if (at >= end) throw new ShortRead('ends inside a number')
    let b = buf[at++]!
    if (b < 0x80) {
      this.at = at
      return b
    }
    let n = b & 0x7f
    let scale = 0x80
    for (let i = 1; ; i++) {
      if (at >= end) throw new ShortRead('ends inside a number')
      if (i >= 8) throw new ShortRead('holds a number longer than 8 bytes')
      b = buf[at++]!
      n += (b & 0x7f) * scale
      if (b < 0x80) break
      scale *= 0x80
    }
    this.at = at
    return n
  }
}

/** Round up to a multiple of 8: each section starts there, so any typed array can view it. */
export function align8(n: number): number {
  return Math.ceil(n / 8) * 8
}

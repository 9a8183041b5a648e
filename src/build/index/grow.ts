/** A Uint32Array that grows as numbers are appended: the build's flat lists, without an object per entry. */
export class U32List {
  private data: Uint32Array
  length = 0

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity))
  }

  /** Append one number. */
  push(n: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1)
    this.data[this.length++] = n
  }

  /** Append numbers. */
  pushAll(ns: ArrayLike<number>): void {
    if (this.length + ns.length > this.data.length) this.grow(this.length + ns.length)
    this.data.set(ns, this.length)
    this.length += ns.length
  }

  /** The number at `i`. */
  at(i: number): number {
    return this.data[i]!
  }

  /** A view of the numbers appended so far (shares memory until the next append). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length)
  }

  /** The numbers in an array of their own, exactly as long. */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length)
  }

  private grow(need: number): void {
    // Half again each time: doubling a 30-million-number list would hold 240 MB for nothing at its end.
    let size = this.data.length
    while (size < need) size = Math.ceil(size * 1.5)
    const next = new Uint32Array(size)
    next.set(this.data.subarray(0, this.length))
    this.data = next
  }
}

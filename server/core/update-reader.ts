import * as decoding from 'lib0/decoding';
import { decodeUtf8 } from 'lib0/string';

/** The update breaks a rule; `tooLarge` when it broke a size bound rather than a content rule. */
export class StructureError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'StructureError';
  }
}

export interface ReaderOptions {
  /** Check every string is UTF-8 as Yjs will decode it (a client's update), or only skip it (stored records). */
  checkStrings: boolean;
  maxDepth: number;
  maxValues: number;
}

/**
 * The byte-level reads of update-structure.ts over a Yjs v1 update: bounds
 * checked (lib0's `readUint8` and string readers run past the end silently),
 * strings skipped without decoding where only their validity matters, and
 * lib0 `any` values (the JSON of ContentAny) counted and depth-checked but
 * never built. Every failure is a StructureError.
 */
export class UpdateReader {
  private readonly decoder: decoding.Decoder;
  private values = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly options: ReaderOptions,
  ) {
    this.decoder = decoding.createDecoder(bytes);
  }

  get pos(): number {
    return this.decoder.pos;
  }

  /** Bytes not read yet. */
  get rest(): number {
    return this.bytes.length - this.decoder.pos;
  }

  varUint(): number {
    return decoding.readVarUint(this.decoder);
  }

  byte(): number {
    this.need(1);
    return decoding.readUint8(this.decoder);
  }

  id(): { client: number; clock: number } {
    return { client: this.varUint(), clock: this.varUint() };
  }

  skip(count: number): void {
    this.need(count);
    this.decoder.pos += count;
  }

  /**
   * A string whose text is not needed. A client's strings are still checked:
   * Yjs decodes each one strictly and would throw half-way through applying.
   */
  skipString(): void {
    const length = this.varUint();
    this.need(length);
    const start = this.decoder.pos;
    this.decoder.pos += length;
    if (this.options.checkStrings && !this.isAscii(start, length)) this.decode(start, length);
  }

  skipBytes(): void {
    this.skip(this.varUint());
  }

  string(): string {
    const length = this.varUint();
    this.need(length);
    const start = this.decoder.pos;
    this.decoder.pos += length;
    return this.decode(start, length);
  }

  /**
   * Reads a string and compares its bytes with `allowed` (UTF-8), without
   * decoding it: null when it is one of them (or `allowed` is null: anything
   * goes), else the string itself.
   */
  stringMatching(allowed: readonly Uint8Array[] | null): string | null {
    const length = this.varUint();
    this.need(length);
    const start = this.decoder.pos;
    this.decoder.pos += length;
    if (allowed === null || allowed.some((expected) => this.bytesEqual(start, length, expected))) return null;
    return this.decode(start, length);
  }

  /** One lib0 `any` value (yjs ContentAny), counted and depth-checked, never built. */
  skipAny(depth: number): void {
    const { maxDepth, maxValues } = this.options;
    if (depth > maxDepth) throw new StructureError(`a value nests deeper than ${maxDepth} levels`, true);
    this.values += 1;
    if (this.values > maxValues) throw new StructureError(`update holds more than ${maxValues} values`, true);
    const tag = this.byte();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125: // integer
        this.need(1);
        decoding.readVarInt(this.decoder);
        return;
      case 124: // float32
        this.skip(4);
        return;
      case 123: // float64
      case 122: // bigint64
        this.skip(8);
        return;
      case 119: // string
        this.skipString();
        return;
      case 116: // Uint8Array
        this.skipBytes();
        return;
      case 118: {
        // object: entries of key string and value
        const entries = this.varUint();
        for (let i = 0; i < entries; i++) {
          this.skipString();
          this.skipAny(depth + 1);
        }
        return;
      }
      case 117: {
        const items = this.varUint();
        for (let i = 0; i < items; i++) this.skipAny(depth + 1);
        return;
      }
      default:
        throw new StructureError(`update holds a value of unknown kind ${tag}`);
    }
  }

  need(count: number): void {
    if (this.decoder.pos + count > this.bytes.length) throw new StructureError('update ends in the middle of a struct');
  }

  /** Decoded exactly as Yjs does (lib0: strict UTF-8, a leading BOM kept). */
  private decode(start: number, length: number): string {
    try {
      return decodeUtf8(this.bytes.subarray(start, start + length));
    } catch {
      throw new StructureError('update holds a string that is not UTF-8');
    }
  }

  private isAscii(start: number, length: number): boolean {
    const bytes = this.bytes;
    for (let i = start, end = start + length; i < end; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
    return true;
  }

  private bytesEqual(start: number, length: number, expected: Uint8Array): boolean {
    if (length !== expected.length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== expected[i]) return false;
    return true;
  }
}

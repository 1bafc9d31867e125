import * as decoding from 'lib0/decoding';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';

/**
 * Reads the structure of a Yjs update (format v1, what `Y.applyUpdate` takes)
 * without building any of it: no Item objects, no decoded JSON values and, above
 * all, no `Y.Doc` per subdocument, which is what `Y.decodeUpdate` would make.
 * A few hundred kilobytes of subdocuments cost the relay gigabytes once
 * decoded, so the relay must refuse them before Yjs sees them.
 *
 * The layout (yjs src/utils/encoding.js `writeClientsStructs`, Item.js `write`):
 *
 *   varUint clients, then per client: varUint structs, varUint client, varUint clock,
 *     then per struct an info byte: low 5 bits the content kind
 *       (0 GC, 10 Skip: a varUint length; otherwise an Item), and for an Item
 *       bit 8 origin id, bit 7 right-origin id, and only when neither: a
 *       varUint (1: root type name follows as a string; 0: parent item id),
 *       then with bit 6 the map key (parentSub) as a string; then the content.
 *   then the delete set: varUint clients, per client: client, ranges, per range: clock, length.
 *
 * An id is two varUints (client, clock). Strings are a varUint byte length and UTF-8.
 */

export const CONTENT = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
} as const;

const CONTENT_NAMES: Record<number, string> = {
  [CONTENT.json]: 'legacy JSON content',
  [CONTENT.binary]: 'binary content',
  [CONTENT.string]: 'text content',
  [CONTENT.embed]: 'a text embed',
  [CONTENT.format]: 'text formatting',
  [CONTENT.type]: 'a nested Yjs type',
  [CONTENT.doc]: 'a subdocument',
};

const BIT_ORIGIN = 0x80;
const BIT_RIGHT_ORIGIN = 0x40;
const BIT_PARENT_SUB = 0x20;
const CONTENT_BITS = 0x1f;

/** Largest clock or length we accept; Yjs does arithmetic on them as doubles. */
const MAX_CLOCK = Number.MAX_SAFE_INTEGER;

export interface StructureLimits {
  /** Structs (items, GC and skip runs) in one update. */
  maxStructs: number;
  /** Ranges in the update's delete set. */
  maxDeleteRanges: number;
  /** JSON values (each number, string, object, array, …) in the update's content, counted recursively. */
  maxValues: number;
  /** How deeply JSON values may nest (Yjs decodes them recursively). */
  maxValueDepth: number;
}

export const STRUCT_KIND = { gc: 0, item: 1, skip: 2 } as const;

export interface StructId {
  client: number;
  clock: number;
}

/** One struct's header: where it sits and the ids it builds on. */
export interface StructHeader {
  kind: (typeof STRUCT_KIND)[keyof typeof STRUCT_KIND];
  clock: number;
  length: number;
  origin: StructId | null;
  rightOrigin: StructId | null;
}

export interface UpdateStructure {
  /** Each client's structs in clock order (a client appears once in an update). */
  readonly clients: Map<number, StructHeader[]>;
  readonly structCount: number;
  readonly deleteRanges: { client: number; clock: number; length: number }[];
  /** Byte ranges of subdocument items (only collected in the `stored` reading). */
  readonly subdocuments: SubdocumentBytes[];
}

export interface SubdocumentBytes {
  /** Offset of the item's info byte. */
  info: number;
  /** Where its content (guid and options) starts and ends. */
  contentStart: number;
  contentEnd: number;
}

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

export type StructureRules =
  | {
      /**
       * A client's update: only what a board uses (maps of JSON values under
       * `roots`, deleted content), within `limits`.
       */
      kind: 'board';
      roots: ReadonlySet<string>;
      limits: StructureLimits;
    }
  | {
      /** A stored record: any content and root; subdocuments are located so they can be cut out. */
      kind: 'stored';
      maxValueDepth: number;
    };

/** Throws StructureError for bytes that are not one whole update, or that break `rules`. */
export function readUpdateStructure(update: Uint8Array, rules: StructureRules): UpdateStructure {
  return new StructureReader(update, rules).read();
}

class StructureReader {
  private readonly decoder: decoding.Decoder;
  private readonly clients = new Map<number, StructHeader[]>();
  private readonly deleteRanges: UpdateStructure['deleteRanges'] = [];
  private readonly subdocuments: SubdocumentBytes[] = [];
  private structCount = 0;
  private values = 0;
  private readonly board: boolean;
  private readonly maxDepth: number;
  /** The allowed root names as UTF-8, compared without decoding (a root name precedes most map entries). */
  private readonly roots: Uint8Array[];

  constructor(
    private readonly update: Uint8Array,
    private readonly rules: StructureRules,
  ) {
    this.decoder = decoding.createDecoder(update);
    this.board = rules.kind === 'board';
    this.maxDepth = rules.kind === 'board' ? rules.limits.maxValueDepth : rules.maxValueDepth;
    this.roots = rules.kind === 'board' ? [...rules.roots].map((name) => encodeUtf8(name)) : [];
  }

  read(): UpdateStructure {
    try {
      this.readStructs();
      this.readDeleteSet();
    } catch (error) {
      if (error instanceof StructureError) throw error;
      // lib0 throws plain Errors when a varUint runs off the end or overflows.
      throw new StructureError(`update does not decode: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Yjs ignores bytes after the delete set; a client has no reason to send any.
    const rest = this.update.length - this.decoder.pos;
    if (rest !== 0 && this.rules.kind === 'board') throw new StructureError(`update has ${rest} bytes after its end`);
    const { clients, structCount, deleteRanges, subdocuments } = this;
    return { clients, structCount, deleteRanges, subdocuments };
  }

  private readStructs(): void {
    const clientCount = this.varUint();
    for (let group = 0; group < clientCount; group++) {
      const declared = this.varUint();
      const client = this.varUint();
      let clock = this.varUint();
      if (this.clients.has(client)) throw new StructureError(`client ${client} appears twice`);
      const structs: StructHeader[] = [];
      this.clients.set(client, structs);
      for (let i = 0; i < declared; i++) {
        const struct = this.readStruct(client, clock);
        this.count();
        if (this.rules.kind === 'board') structs.push(struct);
        clock += struct.length;
        if (clock > MAX_CLOCK) throw new StructureError('a clock is out of range');
      }
    }
  }

  /** Reads the struct at `clock`. */
  private readStruct(client: number, clock: number): StructHeader {
    const infoOffset = this.decoder.pos;
    const info = this.byte();
    const content = info & CONTENT_BITS;
    if (content === CONTENT.skip || content === CONTENT.gc) {
      const length = this.positive(this.varUint(), 'a GC or skip run');
      const kind = content === CONTENT.skip ? STRUCT_KIND.skip : STRUCT_KIND.gc;
      return { kind, clock, length, origin: null, rightOrigin: null };
    }
    const origin = info & BIT_ORIGIN ? this.id() : null;
    const right = info & BIT_RIGHT_ORIGIN ? this.id() : null;
    if (origin && origin.client === client && origin.clock >= clock) {
      throw new StructureError('an item names a later item of its own client as its origin');
    }
    if (right && right.client === client && right.clock >= clock) {
      throw new StructureError('an item names a later item of its own client as its right origin');
    }
    if (!origin && !right) this.readParent(info);
    const contentStart = this.decoder.pos;
    const length = this.readContent(content);
    if (content === CONTENT.doc) {
      this.subdocuments.push({ info: infoOffset, contentStart, contentEnd: this.decoder.pos });
    }
    return { kind: STRUCT_KIND.item, clock, length, origin, rightOrigin: right };
  }

  /** An item without origins names its parent: a root type by name, or an item holding a nested type. */
  private readParent(info: number): void {
    const isRoot = this.varUint() === 1;
    if (isRoot) {
      const length = this.varUint();
      this.need(length);
      const start = this.decoder.pos;
      this.decoder.pos += length;
      if (this.board && !this.roots.some((root) => this.bytesEqual(start, length, root))) {
        const name = this.decode(start, length);
        throw new StructureError(
          `update writes to root type ${JSON.stringify(name.slice(0, 64))}, which boards do not use`,
        );
      }
    } else {
      this.id();
      if (this.rules.kind === 'board')
        throw new StructureError('update writes into a nested Yjs type; boards have none');
    }
    if (info & BIT_PARENT_SUB) this.skipString();
    else if (this.rules.kind === 'board') {
      throw new StructureError('update writes list content into a board map; boards hold keyed values only');
    }
  }

  /** Skips the content of kind `content` and returns its length (Yjs clock units). */
  private readContent(content: number): number {
    const board = this.rules.kind === 'board';
    switch (content) {
      case CONTENT.deleted:
        return this.positive(this.varUint(), 'deleted content');
      case CONTENT.any: {
        const count = this.positive(this.varUint(), 'content');
        for (let i = 0; i < count; i++) this.skipAny(1);
        return count;
      }
      case CONTENT.doc:
        if (board) throw new StructureError('update holds a subdocument; boards have none');
        this.skipString(); // guid
        this.skipAny(1); // options
        return 1;
      case CONTENT.json:
      case CONTENT.binary:
      case CONTENT.string:
      case CONTENT.embed:
      case CONTENT.format:
      case CONTENT.type:
        if (board) throw new StructureError(`update holds ${CONTENT_NAMES[content]}, which boards do not use`);
        return this.skipOtherContent(content);
      default:
        throw new StructureError(`update holds unknown content kind ${content}`);
    }
  }

  /** Content only stored boards may hold (written before the relay checked updates). */
  private skipOtherContent(content: number): number {
    switch (content) {
      case CONTENT.json: {
        const count = this.positive(this.varUint(), 'content');
        for (let i = 0; i < count; i++) this.skipString();
        return count;
      }
      case CONTENT.binary:
        this.skipBytes();
        return 1;
      case CONTENT.string: {
        const text = this.string();
        // Yjs counts text in UTF-16 code units.
        return this.positive(text.length, 'text');
      }
      case CONTENT.embed:
        this.skipString();
        return 1;
      case CONTENT.format:
        this.skipString();
        this.skipString();
        return 1;
      default: {
        // A nested type: its type ref, and a name for XML elements (3) and hooks (5).
        const typeRef = this.varUint();
        if (typeRef === 3 || typeRef === 5) this.skipString();
        else if (typeRef > 6) throw new StructureError(`update holds unknown type ref ${typeRef}`);
        return 1;
      }
    }
  }

  /** One lib0 `any` value (yjs ContentAny), counted and depth-checked, never built. */
  private skipAny(depth: number): void {
    if (depth > this.maxDepth) throw new StructureError(`a value nests deeper than ${this.maxDepth} levels`, true);
    this.values += 1;
    if (this.rules.kind === 'board' && this.values > this.rules.limits.maxValues) {
      throw new StructureError(`update holds more than ${this.rules.limits.maxValues} values`, true);
    }
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

  private readDeleteSet(): void {
    const clients = this.varUint();
    for (let i = 0; i < clients; i++) {
      const client = this.varUint();
      const ranges = this.varUint();
      for (let r = 0; r < ranges; r++) {
        const clock = this.varUint();
        const length = this.varUint();
        if (clock + length > MAX_CLOCK) throw new StructureError('a deleted range is out of range');
        if (this.rules.kind === 'board' && this.deleteRanges.length >= this.rules.limits.maxDeleteRanges) {
          throw new StructureError(`update deletes more than ${this.rules.limits.maxDeleteRanges} ranges`, true);
        }
        if (this.rules.kind === 'board' && length > 0) this.deleteRanges.push({ client, clock, length });
      }
    }
  }

  private count(): void {
    this.structCount += 1;
    if (this.rules.kind === 'board' && this.structCount > this.rules.limits.maxStructs) {
      throw new StructureError(`update holds more than ${this.rules.limits.maxStructs} structs`, true);
    }
  }

  private positive(length: number, what: string): number {
    if (length < 1) throw new StructureError(`update holds empty ${what}`);
    if (length > MAX_CLOCK) throw new StructureError(`${what} is out of range`);
    return length;
  }

  private id(): StructId {
    return { client: this.varUint(), clock: this.varUint() };
  }

  private varUint(): number {
    return decoding.readVarUint(this.decoder);
  }

  private byte(): number {
    this.need(1);
    return decoding.readUint8(this.decoder);
  }

  private skip(bytes: number): void {
    this.need(bytes);
    this.decoder.pos += bytes;
  }

  /**
   * A string whose text is not needed. A client's strings are still checked:
   * Yjs decodes each one strictly and would throw half-way through applying.
   */
  private skipString(): void {
    const length = this.varUint();
    this.need(length);
    const start = this.decoder.pos;
    this.decoder.pos += length;
    if (this.board && !this.isAscii(start, length)) this.decode(start, length);
  }

  private skipBytes(): void {
    this.skip(this.varUint());
  }

  private string(): string {
    const length = this.varUint();
    this.need(length);
    const start = this.decoder.pos;
    this.decoder.pos += length;
    return this.decode(start, length);
  }

  /** Decoded exactly as Yjs does (lib0: strict UTF-8, a leading BOM kept). */
  private decode(start: number, length: number): string {
    try {
      return decodeUtf8(this.update.subarray(start, start + length));
    } catch {
      throw new StructureError('update holds a string that is not UTF-8');
    }
  }

  private isAscii(start: number, length: number): boolean {
    const bytes = this.update;
    for (let i = start, end = start + length; i < end; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
    return true;
  }

  private bytesEqual(start: number, length: number, expected: Uint8Array): boolean {
    if (length !== expected.length) return false;
    for (let i = 0; i < length; i++) if (this.update[start + i] !== expected[i]) return false;
    return true;
  }

  private need(bytes: number): void {
    if (this.decoder.pos + bytes > this.update.length)
      throw new StructureError('update ends in the middle of a struct');
  }
}

import { encodeUtf8 } from 'lib0/string';
import { StructureError, UpdateReader } from './update-reader';

export { StructureError } from './update-reader';

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
  private readonly in: UpdateReader;
  private readonly clients = new Map<number, StructHeader[]>();
  private readonly deleteRanges: UpdateStructure['deleteRanges'] = [];
  private readonly subdocuments: SubdocumentBytes[] = [];
  private structCount = 0;
  private readonly board: boolean;
  /** The allowed root names as UTF-8, compared without decoding (a root name precedes most map entries). */
  private readonly roots: Uint8Array[];

  constructor(
    update: Uint8Array,
    private readonly rules: StructureRules,
  ) {
    this.board = rules.kind === 'board';
    this.in =
      rules.kind === 'board'
        ? new UpdateReader(update, {
            checkStrings: true,
            maxDepth: rules.limits.maxValueDepth,
            maxValues: rules.limits.maxValues,
          })
        : new UpdateReader(update, { checkStrings: false, maxDepth: rules.maxValueDepth, maxValues: Infinity });
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
    const rest = this.in.rest;
    if (rest !== 0 && this.rules.kind === 'board') throw new StructureError(`update has ${rest} bytes after its end`);
    const { clients, structCount, deleteRanges, subdocuments } = this;
    return { clients, structCount, deleteRanges, subdocuments };
  }

  private readStructs(): void {
    const clientCount = this.in.varUint();
    for (let group = 0; group < clientCount; group++) {
      const declared = this.in.varUint();
      const client = this.in.varUint();
      let clock = this.in.varUint();
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
    const infoOffset = this.in.pos;
    const info = this.in.byte();
    const content = info & CONTENT_BITS;
    if (content === CONTENT.skip || content === CONTENT.gc) {
      const length = this.positive(this.in.varUint(), 'a GC or skip run');
      const kind = content === CONTENT.skip ? STRUCT_KIND.skip : STRUCT_KIND.gc;
      return { kind, clock, length, origin: null, rightOrigin: null };
    }
    const origin = info & BIT_ORIGIN ? this.in.id() : null;
    const right = info & BIT_RIGHT_ORIGIN ? this.in.id() : null;
    if (origin && origin.client === client && origin.clock >= clock) {
      throw new StructureError('an item names a later item of its own client as its origin');
    }
    if (right && right.client === client && right.clock >= clock) {
      throw new StructureError('an item names a later item of its own client as its right origin');
    }
    if (!origin && !right) this.readParent(info);
    const contentStart = this.in.pos;
    const length = this.readContent(content);
    if (content === CONTENT.doc) {
      this.subdocuments.push({ info: infoOffset, contentStart, contentEnd: this.in.pos });
    }
    return { kind: STRUCT_KIND.item, clock, length, origin, rightOrigin: right };
  }

  /** An item without origins names its parent: a root type by name, or an item holding a nested type. */
  private readParent(info: number): void {
    const isRoot = this.in.varUint() === 1;
    if (isRoot) {
      const name = this.in.stringMatching(this.board ? this.roots : null);
      if (name !== null) {
        throw new StructureError(
          `update writes to root type ${JSON.stringify(name.slice(0, 64))}, which boards do not use`,
        );
      }
    } else {
      this.in.id();
      if (this.rules.kind === 'board')
        throw new StructureError('update writes into a nested Yjs type; boards have none');
    }
    if (info & BIT_PARENT_SUB) this.in.skipString();
    else if (this.rules.kind === 'board') {
      throw new StructureError('update writes list content into a board map; boards hold keyed values only');
    }
  }

  /** Skips the content of kind `content` and returns its length (Yjs clock units). */
  private readContent(content: number): number {
    const board = this.rules.kind === 'board';
    switch (content) {
      case CONTENT.deleted:
        return this.positive(this.in.varUint(), 'deleted content');
      case CONTENT.any: {
        const count = this.positive(this.in.varUint(), 'content');
        for (let i = 0; i < count; i++) this.in.skipAny(1);
        return count;
      }
      case CONTENT.doc:
        if (board) throw new StructureError('update holds a subdocument; boards have none');
        this.in.skipString(); // guid
        this.in.skipAny(1); // options
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
        const count = this.positive(this.in.varUint(), 'content');
        for (let i = 0; i < count; i++) this.in.skipString();
        return count;
      }
      case CONTENT.binary:
        this.in.skipBytes();
        return 1;
      case CONTENT.string: {
        const text = this.in.string();
        // Yjs counts text in UTF-16 code units.
        return this.positive(text.length, 'text');
      }
      case CONTENT.embed:
        this.in.skipString();
        return 1;
      case CONTENT.format:
        this.in.skipString();
        this.in.skipString();
        return 1;
      default: {
        // A nested type: its type ref, and a name for XML elements (3) and hooks (5).
        const typeRef = this.in.varUint();
        if (typeRef === 3 || typeRef === 5) this.in.skipString();
        else if (typeRef > 6) throw new StructureError(`update holds unknown type ref ${typeRef}`);
        return 1;
      }
    }
  }

  private readDeleteSet(): void {
    const clients = this.in.varUint();
    for (let i = 0; i < clients; i++) {
      const client = this.in.varUint();
      const ranges = this.in.varUint();
      for (let r = 0; r < ranges; r++) {
        const clock = this.in.varUint();
        const length = this.in.varUint();
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
}

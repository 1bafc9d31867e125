/**
 * On-disk format of one board (docs/ARCHITECTURE.md#storage). All integers are u32 little-endian;
 * checksums are CRC-32 (`zlib.crc32`, the IEEE polynomial).
 *
 * `<dataDir>/boards/<boardStorageName(boardId)>/`
 *
 * - `meta.json` — `{"format":1,"epoch":"<uuid>","createdAt":"<ISO date>"}`,
 *   written once, atomically, when the board is created.
 *
 * - `snapshot.bin` (optional) — the whole board as one Yjs update:
 *
 *       offset  size  field
 *       0       8     magic "EASELSNP"
 *       8       4     format (1)
 *       12      4     logGeneration: the first log generation NOT contained in the snapshot
 *       16      4     payload length
 *       20      4     crc32(logGeneration bytes ++ payload)
 *       24      n     payload (`Y.encodeStateAsUpdate`)
 *
 *   The checksum covers logGeneration so a flipped bit there cannot silently
 *   make the loader skip (or replay against the wrong base) a whole log.
 *
 * - `log-<generation, 10 digits>.bin` — updates appended since the snapshot:
 *
 *       0       8     magic "EASELLOG"
 *       8       4     format (1)
 *       12      4     generation (must match the file name)
 *       16      …     records, each: u32 payload length, u32 crc32(payload), payload
 *                     (one Yjs update exactly as received)
 *
 *   Live logs are the generations >= the snapshot's logGeneration (>= 0
 *   without a snapshot); they form a contiguous run and are replayed in order.
 *   Only the last one is ever appended to, so only its tail may be torn by a
 *   crash mid-write.
 *
 * Every file except the logs' record area is created whole: written to
 * `<name>.tmp`, fsynced, renamed, and the directory fsynced. A file with one of
 * our names therefore never exists half-written, and `*.tmp` files are leftovers
 * of an interrupted write that the loader may ignore.
 */
import { crc32 } from 'node:zlib';

export const FORMAT_VERSION = 1;
export const META_FILE = 'meta.json';
export const SNAPSHOT_FILE = 'snapshot.bin';
export const TEMP_SUFFIX = '.tmp';

const SNAPSHOT_MAGIC = Buffer.from('EASELSNP', 'latin1');
const LOG_MAGIC = Buffer.from('EASELLOG', 'latin1');
const SNAPSHOT_HEADER_BYTES = 24;
export const LOG_HEADER_BYTES = 16;
export const RECORD_HEADER_BYTES = 8;
export const MAX_GENERATION = 0xffff_ffff;

const LOG_FILE_PATTERN = /^log-(\d{10})\.bin$/;

export function logFileName(generation: number): string {
  return `log-${String(generation).padStart(10, '0')}.bin`;
}

/** The generation named by a log file name, or undefined when the name is not a log's. */
export function parseLogFileName(name: string): number | undefined {
  const match = LOG_FILE_PATTERN.exec(name);
  if (!match?.[1]) return undefined;
  const generation = Number(match[1]);
  return generation <= MAX_GENERATION ? generation : undefined;
}

/** Raised for bytes that cannot be a valid file of ours; the message says what is wrong. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

export interface BoardMeta {
  format: number;
  epoch: string;
  createdAt: string;
}

export function encodeMeta(meta: BoardMeta): Buffer {
  return Buffer.from(`${JSON.stringify(meta)}\n`, 'utf8');
}

export function decodeMeta(bytes: Buffer): BoardMeta {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FormatError('is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new FormatError('is not a JSON object');
  const { format, epoch, createdAt } = parsed as Record<string, unknown>;
  if (format !== FORMAT_VERSION) throw new FormatError(`has unsupported format ${JSON.stringify(format)}`);
  if (typeof epoch !== 'string' || epoch.length === 0) throw new FormatError('has no epoch');
  return { format, epoch, createdAt: typeof createdAt === 'string' ? createdAt : '' };
}

export interface Snapshot {
  logGeneration: number;
  payload: Buffer;
}

function generationBytes(generation: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(generation, 0);
  return bytes;
}

export function encodeSnapshot(logGeneration: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
  SNAPSHOT_MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(logGeneration, 12);
  header.writeUInt32LE(payload.length, 16);
  header.writeUInt32LE(crc32(payload, crc32(generationBytes(logGeneration))), 20);
  return Buffer.concat([header, payload]);
}

export function decodeSnapshot(bytes: Buffer): Snapshot {
  if (bytes.length < SNAPSHOT_HEADER_BYTES) throw new FormatError(`is ${bytes.length} bytes, shorter than its header`);
  if (!bytes.subarray(0, 8).equals(SNAPSHOT_MAGIC)) throw new FormatError('has a bad magic number');
  const format = bytes.readUInt32LE(8);
  if (format !== FORMAT_VERSION) throw new FormatError(`has unsupported format ${format}`);
  const logGeneration = bytes.readUInt32LE(12);
  const length = bytes.readUInt32LE(16);
  if (SNAPSHOT_HEADER_BYTES + length !== bytes.length) {
    throw new FormatError(`declares a ${length}-byte payload but holds ${bytes.length - SNAPSHOT_HEADER_BYTES}`);
  }
  const payload = bytes.subarray(SNAPSHOT_HEADER_BYTES);
  if (crc32(payload, crc32(generationBytes(logGeneration))) !== bytes.readUInt32LE(20)) {
    throw new FormatError('fails its checksum');
  }
  return { logGeneration, payload };
}

export function encodeLogHeader(generation: number): Buffer {
  const header = Buffer.alloc(LOG_HEADER_BYTES);
  LOG_MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(generation, 12);
  return header;
}

export function encodeRecord(payload: Uint8Array): Buffer {
  const record = Buffer.alloc(RECORD_HEADER_BYTES + payload.length);
  record.writeUInt32LE(payload.length, 0);
  record.writeUInt32LE(crc32(payload), 4);
  record.set(payload, RECORD_HEADER_BYTES);
  return record;
}

export interface ParsedLog {
  /** Payloads of the good records, in order (views into the file's bytes). */
  records: Buffer[];
  /** Offset just past the last good record: where the file must end. */
  goodEnd: number;
  /** Why the bytes from `goodEnd` on are a torn tail, when there are any. */
  tornTail?: string;
}

/**
 * Parses a whole log file. `isLastLog` says whether a torn tail is plausible:
 * only the last live log is written to, so only its end can be cut short by a
 * crash. A damaged record anywhere else is corruption (FormatError).
 */
export function parseLog(bytes: Buffer, expectedGeneration: number, isLastLog: boolean): ParsedLog {
  if (bytes.length < LOG_HEADER_BYTES) throw new FormatError(`is ${bytes.length} bytes, shorter than its header`);
  if (!bytes.subarray(0, 8).equals(LOG_MAGIC)) throw new FormatError('has a bad magic number');
  const format = bytes.readUInt32LE(8);
  if (format !== FORMAT_VERSION) throw new FormatError(`has unsupported format ${format}`);
  const generation = bytes.readUInt32LE(12);
  if (generation !== expectedGeneration) throw new FormatError(`has generation ${generation} in its header`);

  const records: Buffer[] = [];
  let offset = LOG_HEADER_BYTES;
  const torn = (reason: string): ParsedLog => {
    if (!isLastLog) throw new FormatError(`${reason} at offset ${offset}, and it is not the last log`);
    return { records, goodEnd: offset, tornTail: reason };
  };
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < RECORD_HEADER_BYTES) return torn(`a ${remaining}-byte fragment of a record header`);
    const length = bytes.readUInt32LE(offset);
    const recordEnd = offset + RECORD_HEADER_BYTES + length;
    if (recordEnd > bytes.length) return torn(`a record of ${length} bytes runs past the end of the file`);
    const payload = bytes.subarray(offset + RECORD_HEADER_BYTES, recordEnd);
    if (crc32(payload) !== bytes.readUInt32LE(offset + 4)) {
      // A half-written final record looks like this too (the length landed, the
      // payload did not); with data after it, it cannot be a crash artefact.
      if (recordEnd === bytes.length) return torn('the last record fails its checksum');
      throw new FormatError(`has a record failing its checksum at offset ${offset} with data after it`);
    }
    records.push(payload);
    offset = recordEnd;
  }
  return { records, goodEnd: offset };
}

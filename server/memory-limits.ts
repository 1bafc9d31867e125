import { DEFAULT_MAX_BOARD_FILE_BYTES, DEFAULT_MAX_FILE_BYTES } from '../shared/files';
import { DEFAULT_MAX_BOARD_BYTES } from './storage/types';
import { DEFAULT_BACKPRESSURE } from './transport/backpressure';

/** The relay's memory bounds that take a size on the command line. */
export interface MemoryLimits {
  /** What one board may take on disk (snapshot + log). */
  maxBoardBytes: number;
  /** Past this much unsent to one connection, it gets no presence. */
  softSocketBufferBytes: number;
  /** Past this much unsent to one connection (plus a join answer on its way), it is disconnected. */
  maxSocketBufferBytes: number;
  /** One uploaded file (an image on a board). */
  maxFileBytes: number;
  /** Every file of one board together. */
  maxBoardFileBytes: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLimits = {
  maxBoardBytes: DEFAULT_MAX_BOARD_BYTES,
  softSocketBufferBytes: DEFAULT_BACKPRESSURE.softBytes,
  maxSocketBufferBytes: DEFAULT_BACKPRESSURE.hardBytes,
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxBoardFileBytes: DEFAULT_MAX_BOARD_FILE_BYTES,
};

export interface SizeFlag {
  flag: string;
  key: keyof MemoryLimits;
  help: string;
}

/** One row per flag: the help text and the README's "Limits and budgets" table say the same. */
export const SIZE_FLAGS: readonly SizeFlag[] = [
  {
    flag: 'max-board-bytes',
    key: 'maxBoardBytes',
    help: 'what one board may take on disk; updates past it get TOO_LARGE (deleting still works), and a larger board is not opened',
  },
  {
    flag: 'soft-socket-buffer',
    key: 'softSocketBufferBytes',
    help: 'unsent bytes one connection may have before it stops getting presence and further copies of a board',
  },
  {
    flag: 'max-socket-buffer',
    key: 'maxSocketBufferBytes',
    help: 'unsent bytes (besides one board being sent) past which a connection is dropped; it reconnects and resyncs',
  },
  {
    flag: 'max-file-bytes',
    key: 'maxFileBytes',
    help: 'one file uploaded to a board (an image); a larger one is refused with 413 before the rest is read',
  },
  {
    flag: 'max-board-file-bytes',
    key: 'maxBoardFileBytes',
    help: 'every file of one board together; an upload past it is refused (413 QUOTA_EXCEEDED) and nothing is written',
  },
];

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
};
const MIN_SIZE = 1024;
const MAX_SIZE = 1024 ** 4;

/** `65536`, `64KiB`, `64k`, `1.5MiB`, `2G`: binary units. Undefined when not a size from 1 KiB to 1 TiB. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d{1,13}(?:\.\d{1,3})?)\s*([A-Za-z]*)$/.exec(text.trim());
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes >= MIN_SIZE && bytes <= MAX_SIZE ? bytes : undefined;
}

/** A size as the help text shows defaults: `64 MiB`, `512 KiB`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} B`;
}

import { DEFAULT_FILE_GRACE_MS, DEFAULT_MAX_IMAGE_PIXELS } from '../shared/files';
import { type BoardBudgets, DEFAULT_BOARD_BUDGETS } from './core/relay-core';
import { DEFAULT_MAX_OPEN_LOGS } from './storage/file-store';

/**
 * Everything one client (a connection, or an address) may cost the relay, and
 * how many board logs it keeps open. Each is a CLI flag with a default; the README's "Limits and budgets" table lists them all.
 */
export interface RelayBudgets extends BoardBudgets {
  /** Open TCP connections per client address (HTTP, WebSocket, handshakes in progress). */
  maxConnectionsPerAddress: number;
  /** Socket.IO handshakes per client address per minute (the desktop host's own windows are exempt). */
  handshakesPerAddressPerMinute: number;
  /** A connection that has not finished its handshake by then is closed (ms). */
  handshakeTimeoutMs: number;
  /** Failed authentications per address within `authLockoutMs` before the address is locked out. */
  maxAuthFailuresPerAddress: number;
  /** How long a locked-out address is refused (RATE_LIMITED), in ms. */
  authLockoutMs: number;
  /** Board log files kept open at once; past it the least recently written is closed. */
  maxOpenLogs: number;
  /** Width × height one uploaded image may claim (a decompression bomb claims far more). */
  maxImagePixels: number;
  /** A board's file the board no longer names is deleted only once unnamed this long (ms). */
  fileGraceMs: number;
  /** How often the collector looks for such files (ms). */
  fileSweepIntervalMs: number;
}

export const DEFAULT_RELAY_BUDGETS: RelayBudgets = {
  ...DEFAULT_BOARD_BUDGETS,
  maxConnectionsPerAddress: 128,
  handshakesPerAddressPerMinute: 120,
  handshakeTimeoutMs: 5_000,
  maxAuthFailuresPerAddress: 10,
  authLockoutMs: 10 * 60_000,
  maxOpenLogs: DEFAULT_MAX_OPEN_LOGS,
  maxImagePixels: DEFAULT_MAX_IMAGE_PIXELS,
  fileGraceMs: DEFAULT_FILE_GRACE_MS,
  fileSweepIntervalMs: 10 * 60_000,
};

export interface BudgetFlag {
  flag: string;
  key: keyof RelayBudgets;
  /** How the flag's number becomes the budget's (seconds → ms). */
  scale: number;
  /** What `--help` says, after the flag and its default. */
  help: string;
  /** Whether the flag takes a fraction (seconds do). */
  fractional: boolean;
}

const count = (flag: string, key: keyof RelayBudgets, help: string): BudgetFlag => ({
  flag,
  key,
  scale: 1,
  help,
  fractional: false,
});
const megapixels = (flag: string, key: keyof RelayBudgets, help: string): BudgetFlag => ({
  flag,
  key,
  scale: 1_000_000,
  help,
  fractional: false,
});
const seconds = (flag: string, key: keyof RelayBudgets, help: string): BudgetFlag => ({
  flag,
  key,
  scale: 1000,
  help,
  fractional: true,
});

/** The budget flags, in the order `--help` and the README list them. */
export const BUDGET_FLAGS: readonly BudgetFlag[] = [
  count('max-boards-per-connection', 'maxBoardsPerConnection', 'boards one connection may have open at once'),
  count('new-boards-per-ip-per-hour', 'newBoardsPerAddressPerHour', 'boards one address may create per hour'),
  count(
    'max-board-structs',
    'maxBoardStructs',
    'edits one board may hold (Yjs keeps each; ~200-600 bytes of relay memory apiece)',
  ),
  count('max-connections-per-ip', 'maxConnectionsPerAddress', 'open connections per address'),
  count('handshakes-per-ip-per-minute', 'handshakesPerAddressPerMinute', 'handshakes per address per minute'),
  seconds('handshake-timeout-seconds', 'handshakeTimeoutMs', 'a connection must finish its handshake by then'),
  count('max-auth-failures-per-ip', 'maxAuthFailuresPerAddress', 'wrong tokens per address before a lockout'),
  seconds('auth-lockout-seconds', 'authLockoutMs', 'how long a locked-out address is refused'),
  count('max-open-logs', 'maxOpenLogs', 'board log files kept open at once (file descriptors)'),
  megapixels('max-image-megapixels', 'maxImagePixels', 'width × height one uploaded image may claim, in millions'),
  seconds('file-grace-seconds', 'fileGraceMs', 'a file its board no longer names is deleted only after this long'),
  seconds('file-sweep-seconds', 'fileSweepIntervalMs', 'how often unnamed files are looked for (a few boards a sweep)'),
];

/** A budget's default as its flag takes it (seconds for times). */
export function flagDefault(flag: BudgetFlag): number {
  return DEFAULT_RELAY_BUDGETS[flag.key] / flag.scale;
}

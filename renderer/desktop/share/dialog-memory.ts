import { z } from 'zod';
import { desktopErrorSchema } from '../../../shared/desktop';

/**
 * What the share dialog was showing, kept in sessionStorage for a moment.
 * Starting and stopping sharing move the embedded relay, and a page that does
 * not follow relay moves itself is loaded again at the new address: without
 * this the dialog would vanish with its answer (the links, "the guest was
 * disconnected", "port in use") right as the person clicked. It is read once
 * on load and only if fresh, so a dialog does not reopen on a later visit.
 */
export const DIALOG_MEMORY_KEY = 'easel.shareDialog';
/** Longer than a relay restart plus a page load; shorter than any later visit. */
export const DIALOG_MEMORY_TTL_MS = 15_000;

const dialogMemorySchema = z.object({
  boardId: z.string(),
  savedAt: z.number(),
  open: z.boolean(),
  error: desktopErrorSchema.nullable(),
  portInUse: z.number().int().nullable(),
  stoppedNote: z.string().max(500).nullable(),
  /** A start or stop whose answer the reload may have cut off; the status after the reload settles it. */
  pending: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('start'), port: z.number().int().nullable() }),
      z.object({ kind: z.literal('stop'), note: z.string().max(500) }),
    ])
    .nullable(),
});
export type DialogMemory = z.infer<typeof dialogMemorySchema>;
export type DialogMemoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The remembered dialog of `boardId`, or null when there is none, it is stale, or unreadable. */
export function loadDialogMemory(
  storage: DialogMemoryStorage | null,
  boardId: string,
  nowMs: number,
): DialogMemory | null {
  try {
    const raw = storage?.getItem(DIALOG_MEMORY_KEY);
    if (!raw) return null;
    const parsed = dialogMemorySchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.boardId !== boardId) return null;
    const age = nowMs - parsed.data.savedAt;
    return age >= 0 && age <= DIALOG_MEMORY_TTL_MS ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers the dialog while it is open; forgets it once closed. A storage that throws only loses the memory. */
export function saveDialogMemory(storage: DialogMemoryStorage | null, memory: DialogMemory): void {
  try {
    if (memory.open) storage?.setItem(DIALOG_MEMORY_KEY, JSON.stringify(memory));
    else storage?.removeItem(DIALOG_MEMORY_KEY);
  } catch {
    // Private mode or a full storage: the dialog simply does not survive a reload.
  }
}

/** `window.sessionStorage`, or null where touching it throws. */
export function sessionStore(): DialogMemoryStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export type PendingShareAction = DialogMemory['pending'];

/**
 * What a pending action turned out to be, from the status after the reload:
 * a start that left the relay unshared failed (the answer with its reason was
 * lost, so say what most likely happened), a stop that did is done.
 */
export function settlePending(
  pending: PendingShareAction,
  sharing: boolean,
): { error: { code: 'UNAVAILABLE'; message: string }; portInUse: number | null } | { stoppedNote: string } | null {
  if (pending?.kind === 'start' && !sharing) {
    const where = pending.port === null ? '' : ` on port ${pending.port}`;
    return {
      error: {
        code: 'UNAVAILABLE',
        message: `Sharing did not start${where}. Another program may be using the port: try another one.`,
      },
      portInUse: pending.port,
    };
  }
  if (pending?.kind === 'stop' && !sharing) return { stoppedNote: pending.note };
  return null;
}

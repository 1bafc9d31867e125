/**
 * What copy puts on the clipboard, and how paste reads it back.
 *
 *   { "easel": "shapes", "version": 1, "shapes": Shape[] }
 *
 * Plain text, so it survives every clipboard (system, browser, another Easel
 * window, a chat message in between). Paste trusts none of it: each shape is
 * validated with the shared schema and an invalid one is skipped, as a board
 * file's would be (docs/ARCHITECTURE.md#board-model). Text that is not an Easel envelope at all is
 * pasted as text.
 */
import { compareZOrder, parseShape, type Shape } from '../../shared/model';
import type { ClipboardPort } from './action';

export const CLIPBOARD_KIND = 'shapes';
export const CLIPBOARD_VERSION = 1;

export type ClipboardContent =
  { kind: 'shapes'; shapes: Shape[]; skipped: number } | { kind: 'text'; text: string } | { kind: 'empty' };

/** Shapes go out in z-order, so paste stacks them as they were. */
export function encodeClipboardShapes(shapes: readonly Shape[]): string {
  return JSON.stringify({ easel: CLIPBOARD_KIND, version: CLIPBOARD_VERSION, shapes: [...shapes].sort(compareZOrder) });
}

/**
 * An envelope from a newer Easel is read the same way: a shape this version
 * can validate is pasted, one it cannot is skipped. Better to paste what we
 * understand than to paste the JSON as text.
 */
export function decodeClipboardText(text: string): ClipboardContent {
  if (text.trim() === '') return { kind: 'empty' };
  const envelope = parseEnvelope(text);
  if (!envelope) return { kind: 'text', text };
  const shapes: Shape[] = [];
  for (const value of envelope.shapes) {
    const parsed = parseShape(value);
    if (parsed.ok) shapes.push(parsed.shape);
  }
  return { kind: 'shapes', shapes: shapes.sort(compareZOrder), skipped: envelope.shapes.length - shapes.length };
}

function parseEnvelope(text: string): { shapes: unknown[] } | undefined {
  // Most pasted text is prose; only something shaped like our object is worth parsing.
  if (!text.trimStart().startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { easel, version, shapes } = json as Record<string, unknown>;
  if (easel !== CLIPBOARD_KIND || typeof version !== 'number' || !Array.isArray(shapes)) return undefined;
  return { shapes };
}

/** A clipboard in memory: for tests, and for a platform that offers none. */
export class MemoryClipboard implements ClipboardPort {
  constructor(private text = '') {}

  async writeText(text: string): Promise<void> {
    this.text = text;
  }

  async readText(): Promise<string> {
    return this.text;
  }
}

/**
 * The clipboard of a copy, cut or paste event (its clipboardData). It can be
 * used only while the event is dispatched: the pasted text is read when this
 * is made, and writeText sets the data at once (copy and cut call it before
 * their first await).
 */
export function eventClipboard(data: Pick<DataTransfer, 'getData' | 'setData'>): ClipboardPort {
  const pasted = data.getData('text/plain');
  return {
    writeText(text) {
      data.setData('text/plain', text);
      return Promise.resolve();
    },
    readText: () => Promise.resolve(pasted),
  };
}

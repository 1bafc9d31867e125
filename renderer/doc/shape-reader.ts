/**
 * Reads shapes out of the doc. A peer, an older or newer client, or a bug may
 * have stored anything under a shape id, so every value is parsed with the
 * shared schema before anyone draws it (docs/ARCHITECTURE.md#board-model):
 *
 * - An invalid value is skipped and reported once per id and value (a view
 *   reads the same value on every render; the log should not).
 * - Yjs hands back the same object for a stored value until it is replaced,
 *   so the parse is cached by that object and a redraw costs a lookup.
 * - The cached shape goes to every caller, so it is deeply frozen: a caller
 *   that mutates it instead of calling `update` fails at once, rather than
 *   silently changing what other views see and peers never receive.
 */
import { parseShape, type ParseShapeResult, type Shape } from '../../shared/model';

export type InvalidShapeListener = (id: string, error: string) => void;

export class ShapeReader {
  private readonly parsed = new WeakMap<object, ParseShapeResult>();
  private readonly reported = new Map<string, unknown>();

  constructor(private readonly onInvalid: InvalidShapeListener) {}

  /** The valid shape stored as `value` under `id`, or undefined (absent, or invalid and reported). */
  read(id: string, value: unknown): Shape | undefined {
    if (value === undefined) return undefined;
    const result = this.parse(value);
    if (result.ok && result.shape.id === id) {
      this.reported.delete(id);
      return result.shape;
    }
    this.report(id, value, result.ok ? `id: ${JSON.stringify(result.shape.id)} differs from its key` : result.error);
    return undefined;
  }

  /** The id is gone from the doc: stop holding on to the invalid value reported for it. */
  forget(id: string): void {
    this.reported.delete(id);
  }

  private report(id: string, value: unknown, error: string): void {
    if (this.reported.has(id) && Object.is(this.reported.get(id), value)) return;
    this.reported.set(id, value);
    this.onInvalid(id, error);
  }

  private parse(value: unknown): ParseShapeResult {
    if (typeof value !== 'object' || value === null) return parseShape(value);
    let result = this.parsed.get(value);
    if (!result) {
      result = parseShape(value);
      if (result.ok) deepFreeze(result.shape);
      this.parsed.set(value, result);
    }
    return result;
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

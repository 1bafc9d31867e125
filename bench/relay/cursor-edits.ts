import * as Y from 'yjs';
import { SHAPES_MAP } from '../../shared/model/board-doc-layout';

/**
 * The client's doc and its next edit: a value under its own key in the
 * board's shapes map (the relay refuses roots boards do not use).
 */
export class CursorEdits {
  readonly doc = new Y.Doc();
  private readonly cursors = this.doc.getMap<number[]>(SHAPES_MAP);
  private captured: Uint8Array | null = null;
  private edits = 0;
  private prepared: Uint8Array[] = [];
  private nextPrepared = 0;

  constructor() {
    this.doc.on('update', (update: Uint8Array) => {
      this.captured = update;
    });
  }

  prepare(count: number): void {
    const made: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const update = this.make();
      if (update) made.push(update);
    }
    this.prepared = made;
    this.nextPrepared = 0;
  }

  next(): Uint8Array | null {
    if (this.nextPrepared < this.prepared.length) return this.prepared[this.nextPrepared++]!;
    return this.make();
  }

  private make(): Uint8Array | null {
    this.edits += 1;
    this.cursors.set(String(this.doc.clientID), [this.edits % 1000, (this.edits * 7) % 1000]);
    const update = this.captured;
    this.captured = null;
    return update;
  }
}

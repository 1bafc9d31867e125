/**
 * Per-user undo (docs/ARCHITECTURE.md#board-model): a Y.UndoManager over the shapes map that tracks
 * only LOCAL_ORIGIN. Edits that arrive from the relay are never on our stack,
 * so undo reverts what this user did and leaves what others drew; when
 * someone else has since changed a shape we touched, their change wins.
 *
 * `captureTimeout: 0` makes every transaction its own step. BoardDoc writes
 * one transaction per call (or per `transact`), and tools write once per
 * gesture, so one step is one gesture.
 */
import * as Y from 'yjs';
import type { BoardDoc } from './board-doc';
import { LOCAL_ORIGIN, shapesMap } from './doc-layout';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export type UndoStateListener = (state: UndoState) => void;

export class BoardUndo {
  private readonly doc: Y.Doc;
  private readonly manager: Y.UndoManager;
  private readonly listeners = new Set<UndoStateListener>();
  private last: UndoState = { canUndo: false, canRedo: false };

  constructor(board: BoardDoc) {
    this.doc = board.doc;
    this.manager = new Y.UndoManager(shapesMap(board.doc), {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 0,
    });
    // Checked once a transaction is done, not on each stack event: a new edit
    // clears the redo stack and then adds its step, and the state in between
    // is nobody's business.
    this.doc.on('afterTransactionCleanup', this.checkState);
  }

  get canUndo(): boolean {
    return this.manager.canUndo();
  }

  get canRedo(): boolean {
    return this.manager.canRedo();
  }

  /** Reverts this user's last step; false when there was none. */
  undo(): boolean {
    return this.manager.undo() !== null;
  }

  /** Re-applies the last undone step; false when there was none. A new edit clears the redo stack. */
  redo(): boolean {
    return this.manager.redo() !== null;
  }

  /** Forgets all steps, e.g. after loading a file the user should not undo into. */
  clear(): void {
    this.manager.clear();
    this.checkState();
  }

  /** Called whenever `canUndo` or `canRedo` changes, to enable buttons and menu items. */
  onChange(listener: UndoStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('afterTransactionCleanup', this.checkState);
    this.manager.destroy();
    this.listeners.clear();
  }

  private readonly checkState = (): void => {
    const state = { canUndo: this.canUndo, canRedo: this.canRedo };
    if (state.canUndo === this.last.canUndo && state.canRedo === this.last.canRedo) return;
    this.last = state;
    for (const listener of [...this.listeners]) listener(state);
  };
}

/**
 * Writing what the inline editor produced, shared by the text tool (new or
 * existing text) and the select tool (double-click or Enter on text, a note
 * or a shape's label).
 */
import { MAX_TEXT_LENGTH } from '../../shared/model';
import type { BoardDoc } from '../doc';
import { clampSize, isLabelled, labelledHeightFor, measureTextWidth, noteHeightFor } from '../shapes';

export type TextCommitResult = 'updated' | 'deleted' | 'missing';

/** Text longer than the model allows is cut rather than refused: losing the tail beats losing the edit. */
export function fitText(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

/** Whether text has anything to show; whitespace alone does not count. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Puts `text` into the existing text or note `id`, in one change. A text
 * shape left blank is deleted (an invisible shape only gets in the way); a
 * note keeps its card, grown to fit the text (shapes/note/layout.ts). A
 * text's width is measured. A label left blank is removed (the shape stays);
 * a rectangle or ellipse grows downwards to hold its label
 * (shapes/label/layout.ts); an unchanged label writes nothing, so it adds no
 * undo step.
 */
export function commitShapeText(board: BoardDoc, id: string, text: string): TextCommitResult {
  const shape = board.get(id);
  const fitted = fitText(text);
  if (shape?.type === 'text') {
    if (isBlank(fitted)) {
      board.delete(id);
      return 'deleted';
    }
    board.update(id, { text: fitted, w: clampSize(measureTextWidth(fitted, shape.fontSize)) });
    return 'updated';
  }
  if (shape?.type === 'note') {
    board.update(id, { text: fitted, h: noteHeightFor({ ...shape, text: fitted }) });
    return 'updated';
  }
  if (shape && isLabelled(shape)) {
    const label = isBlank(fitted) ? undefined : fitted;
    if (label === shape.label) return 'updated';
    if (shape.type === 'rect' || shape.type === 'ellipse') {
      board.update(id, { label, h: labelledHeightFor(shape, label ?? '') });
    } else board.update(id, { label });
    return 'updated';
  }
  return 'missing';
}

/**
 * The inline editor: a <textarea> laid over the text, note or label being
 * edited, at its screen position, turned with it and with the font scaled by
 * the zoom. A label's editor sits where the label is drawn
 * (shapes/label/layout.ts, laid out again as it is typed). Blur or Ctrl/Cmd+Enter commits through the controller (the active
 * tool decides what a commit means); Esc cancels.
 */
import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import {
  isLabelled,
  type LabelledShape,
  layoutLabel,
  LINE_HEIGHT_EM,
  lineHeight,
  localToBoard,
  measureTextWidth,
  noteHeightFor,
} from '../shapes';
import type { Viewport } from '../state/ui-store';
import type { Preview, ToolController } from '../tools';
import type { BoardDoc } from '../doc';
import { alignOf, labelAlignOf, labelFontSizeOf, type TextAlign } from '../../shared/model';
import { FONT_FAMILY, NOTE_PADDING, NOTE_TEXT_COLOR } from './shape-views/common';
import { boardToScreen } from './viewport-math';

export interface Target {
  x: number;
  y: number;
  rotation: number;
  fontSize: number;
  text: string;
  color: string;
  align: TextAlign;
  /** A note's card: the editor covers it and wraps inside its padding. */
  card?: { w: number; h: number; color: string };
  /** The shape whose label is edited: the editor covers the label's box. */
  label?: LabelledShape;
}

/** What is being edited, from the doc (an existing shape) or the text tool's preview (a new one). */
export function editTarget(
  board: BoardDoc,
  editingId: string | null,
  preview: Preview | null,
  defaults: { stroke: string; align: TextAlign },
) {
  if (!editingId) return null;
  const shape = board.get(editingId);
  if (shape?.type === 'text') {
    const { x, y, rotation, fontSize, text } = shape;
    return { x, y, rotation, fontSize, text, color: shape.style.stroke, align: alignOf(shape) } satisfies Target;
  }
  if (shape?.type === 'note') {
    const { x, y, rotation, fontSize, text, w, h } = shape;
    return {
      x,
      y,
      rotation,
      fontSize,
      text,
      color: NOTE_TEXT_COLOR,
      align: alignOf(shape),
      card: { w, h, color: shape.color },
    } satisfies Target;
  }
  if (shape && isLabelled(shape)) {
    const { x, y, rotation } = shape;
    return {
      x,
      y,
      rotation,
      fontSize: labelFontSizeOf(shape),
      text: shape.label ?? '',
      color: shape.style.stroke,
      align: labelAlignOf(shape),
      label: shape,
    } satisfies Target;
  }
  if (preview?.kind === 'text' && preview.id === editingId) {
    const { x, y, rotation, fontSize } = preview;
    return { x, y, rotation, fontSize, text: '', color: defaults.stroke, align: defaults.align } satisfies Target;
  }
  return null;
}

export function TextEditor({
  target,
  viewport,
  controller,
}: {
  target: Target;
  viewport: Viewport;
  controller: ToolController;
}) {
  const [value, setValue] = useState(target.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Commit and cancel both unmount the editor, which may blur it once more: only the first ending counts.
  const done = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const commit = () => {
    if (done.current) return;
    done.current = true;
    controller.commitText(value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation(); // typed keys are text, not shortcuts for the window listener
    // Esc leaves the editor keeping the text, as Excalidraw and tldraw do: losing typed text to the
    // key people press to "get out" is the worse surprise, and Ctrl+Z takes it back in one step.
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      commit();
    }
  };

  const { zoom } = viewport;
  const box = editorBox(target, value);
  const at = boardToScreen(viewport, box);
  const pad = target.card ? NOTE_PADDING * zoom : 0;
  const style: CSSProperties = {
    position: 'absolute',
    left: at.x,
    top: at.y,
    width: box.w * zoom,
    height: box.h * zoom,
    transform: `rotate(${target.rotation}rad)`,
    transformOrigin: '0 0',
    margin: 0,
    padding: pad,
    boxSizing: 'border-box',
    border: 'none',
    outline: target.card || target.label ? 'none' : '1px dashed #2f80ed',
    // A line's label sits in a gap of the line; while it is typed the line is drawn whole, under the page colour.
    background: target.card?.color ?? (target.label && !box.inside ? 'var(--easel-bg)' : 'transparent'),
    color: target.color,
    font: `${target.fontSize * zoom}px ${FONT_FAMILY}`,
    lineHeight: LINE_HEIGHT_EM,
    textAlign: target.align,
    whiteSpace: target.card || target.label ? 'pre-wrap' : 'pre',
    overflowWrap: 'break-word', // a word wider than the card breaks, as the note's layout breaks it
    overflow: 'hidden',
    resize: 'none',
  };
  return (
    <textarea
      ref={ref}
      aria-label={target.label ? 'Edit label' : 'Edit text'}
      value={value}
      spellCheck={false}
      style={style}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Where the editor goes for `value`, board units: its top-left corner (in
 * the target's turned frame) and its size. A note's card grows with its text
 * as it will once committed (shapes/note/layout.ts); a label is laid out as
 * it will be drawn, so a box's label stays centred as lines are added.
 */
function editorBox(target: Target, value: string): { x: number; y: number; w: number; h: number; inside: boolean } {
  const { fontSize } = target;
  if (target.label) {
    const layout = layoutLabel(target.label, value);
    const inside = layout.gap === null;
    // A line's label is as wide as its text: a caret's room more, so the browser does not wrap it sooner.
    const left = inside ? layout.x : layout.x - fontSize / 2;
    const corner = localToBoard(target.label, { x: left, y: layout.y });
    return { ...corner, w: inside ? layout.w : layout.w + fontSize, h: layout.h, inside };
  }
  if (target.card) {
    const h = noteHeightFor({ text: value, w: target.card.w, h: target.card.h, fontSize });
    return { x: target.x, y: target.y, w: target.card.w, h, inside: true };
  }
  const w = Math.max(measureTextWidth(value, fontSize), fontSize) + fontSize;
  return { x: target.x, y: target.y, w, h: value.split('\n').length * lineHeight(fontSize), inside: true };
}

/**
 * Select: pick, move, marquee, resize, rotate, and enter text editing.
 *
 *   idle ──down on a handle──▶ resizing | rotating ──up──▶ idle
 *   idle ──down on a shape / the selection / empty board──▶ pointing
 *   pointing ──moves > DRAG_THRESHOLD_PX──▶ dragging (shapes) | marquee (empty board)
 *   pointing ──up──▶ idle (a click: select / toggle / clear)
 *   idle ──second down within DOUBLE_CLICK_MS / _PX on a text, note or labelled kind──▶ pointing ──up──▶ editing
 *   (on a frame's name, the same double-click renames the frame in place)
 *   idle ──second down within DOUBLE_CLICK_MS / _PX on no shape──▶ pointing ──up──▶ the text tool types there
 *   editing ──Esc, or down outside the edited shape──▶ idle (that down is then handled)
 *
 * Selection changes are UI state and happen at once; shapes are written once,
 * on up, one update per changed shape in one transact. Shift: on a shape,
 * toggles it; on empty board, keeps the selection and the marquee adds to
 * it; while dragging, keeps to one axis; resizing, keeps proportions (a
 * selection holding an image keeps them unless Shift is held);
 * rotating, snaps to 15°. A click inside the selection bounds but on no
 * shape grabs the selection (a drag moves it, a click clears it).
 *
 * Inside an unfilled rectangle or ellipse (shapes/pick.ts), a click selects
 * it on up, as tldraw does, while a drag from there still draws a marquee,
 * so shapes inside a frame stay easy to select.
 *
 * A viewer (the UI store's `canEdit` false) selects and marquees only: no
 * handles, no dragging shapes, no editing on a double-click.
 *
 * Groups and locks (group-selection.ts): a click selects the shape's group, a
 * double-click enters it; locked shapes are never picked. Moves and resizes
 * snap (snapper.ts) unless Alt is down.
 */
import type { Shape } from '../../../shared/model';
import {
  boxCentre,
  boxContainsPoint,
  boxFromCorners,
  expandBox,
  hitTestShape,
  hitsFrameName,
  type Box,
  type Point,
} from '../../shapes';
import { pickShape } from '../../shapes/pick';
import { settleMembership, withMembers } from '../../frames/membership';
import { BaseTool } from '../base-tool';
import { DOUBLE_CLICK_MS, DOUBLE_CLICK_PX, DRAG_THRESHOLD_PX, HIT_TOLERANCE_PX } from '../constants';
import { commitShapeText } from '../text-commit';
import type { PointerInput, Preview } from '../tool';
import { isInGroup, pickable, unitGroupOf } from './group-selection';
import { clickSelection, marqueeSelection } from './select-picking';
import { boundTo, type Connector, ConnectorPointDrag, following } from './connector-points';
import { handleAt, handleFractions, scalingForHandle, type ResizeHandle } from './handles';
import { Snapper } from './snapper';
import {
  changedFields,
  connectorChanges,
  constrainToAxis,
  moveShapes,
  keepsAspect,
  resizeShapes,
  rotateShapes,
  rotationAngle,
  selectionBounds,
} from './transforms';

/** What a click (down and up without a drag) does to the selection. */
type Target =
  /** `ids`: what the click selects, the shape's group or the shape alone. */
  | { kind: 'shape'; id: string; ids: string[]; onClick: 'keep' | 'only' | 'remove' }
  /** The second press of a double-click on a text, note or labelled kind: its up opens the editor. */
  | { kind: 'edit'; id: string }
  /** A click inside the selection bounds: selects `onClick` (the hollow shape clicked inside, or nothing). */
  | { kind: 'selection'; onClick: readonly string[] }
  /** On no shape; `hollow` is the unfilled shape (with its group) whose inside it was, selected on a click. */
  | { kind: 'canvas'; additive: boolean; base: readonly string[]; hollow?: string[] }
  /** The second press of a double-click on no shape: its up starts a text there. */
  | { kind: 'text' };

interface Transforming {
  down: PointerInput;
  originals: Shape[];
  moved: Shape[];
}

type Gesture =
  | { kind: 'pointing'; down: PointerInput; target: Target }
  | ({ kind: 'dragging' } & Transforming)
  | ({ kind: 'resizing'; handle: ResizeHandle; bounds: Box } & Transforming)
  | ({ kind: 'rotating'; centre: Point } & Transforming)
  | { kind: 'marquee'; down: PointerInput; additive: boolean; base: readonly string[]; box: Box; ids: string[] };

/** `point`: dragging a point of the one selected line or arrow (connector-points.ts). */
export type SelectState = Gesture['kind'] | 'idle' | 'editing' | 'point';

/** What a double-click edits: the text of a text or note, the label of the rest (shapes/label/layout.ts). */
const EDITABLE = new Set<Shape['type']>(['text', 'note', 'rect', 'ellipse', 'line', 'arrow']);

/** `ids` with `unit` added, or taken out when it is there (Shift+click). */
function toggled(ids: readonly string[], unit: readonly string[]): string[] {
  return unit.every((id) => ids.includes(id)) ? ids.filter((id) => !unit.includes(id)) : [...ids, ...unit];
}

export class SelectTool extends BaseTool {
  readonly id = 'select';
  private gesture: Gesture | null = null;
  /** The last press, for double-clicks: on a shape (its id) or on no shape (null). */
  private lastClick: { time: number; screenX: number; screenY: number; id: string | null } | null = null;
  private readonly snapper = new Snapper(this.ctx);
  private pointDrag: ConnectorPointDrag | null = null;
  /** The connectors bound to the shapes a transform started with, found once per gesture. */
  private followers: { originals: readonly Shape[]; connectors: Connector[] } | null = null;

  get state(): SelectState {
    const { tool, editingId } = this.ctx.ui.getState();
    if (this.pointDrag) return 'point';
    return this.gesture?.kind ?? (tool === 'select' && editingId ? 'editing' : 'idle'); // the text tool edits too
  }

  protected override onPointerDown(e: PointerInput): void {
    if (this.gesture || this.pointDrag || e.button !== 0) return;
    const ui = this.ctx.ui;
    const tolerance = this.boardLength(HIT_TOLERANCE_PX);
    const editingId = ui.getState().editingId;
    if (editingId) {
      const edited = this.ctx.board.get(editingId);
      if (edited && hitTestShape(edited, e, tolerance)) return; // the inline editor's own click
      ui.getState().setEditing(null);
      e = { ...e, endsEdit: true };
    }
    const canEdit = ui.getState().canEdit;
    const selected = this.selectedShapes();
    this.pointDrag = canEdit ? ConnectorPointDrag.at(this.ctx.board, selected, e, this.zoom) : null;
    if (this.pointDrag) return;
    const bounds = selectionBounds(selected);
    // Hit candidates from the index: the shapes whose bounds come within reach of the press.
    const picked = pickShape(pickable(this.ctx.shapes.query(expandBox(boxFromCorners(e, e), tolerance))), e, tolerance);
    const hit = picked && !picked.hollow ? picked.shape : undefined;
    // Inside an unfilled box a double-click edits its label, as on a filled one (Excalidraw).
    const edited = hit ?? picked?.shape;
    const double = this.isDoubleClick(e, edited);
    // A double-click on a frame's name renames it in place (the click's up opens ui/frames/FrameNameEditor.tsx).
    const onFrameName = hit?.type === 'frame' && hitsFrameName(hit, e, tolerance);
    const editable = edited ? EDITABLE.has(edited.type) || onFrameName : true;
    // A double-click on a shape edits it even where a handle sits (the middle of a straight arrow is
    // where its flat box's top and bottom handles are).
    const handle = bounds && canEdit && !(double && edited && editable) ? handleAt(bounds, e, this.zoom) : null;
    if (bounds && handle) {
      this.lastClick = edited && !e.endsEdit ? this.clickAt(e, edited.id) : null;
      const transforming = { down: e, originals: selected, moved: selected };
      this.snapper.begin(selected);
      this.gesture =
        handle === 'rotate'
          ? { kind: 'rotating', centre: boxCentre(bounds), ...transforming }
          : { kind: 'resizing', handle, bounds, ...transforming };
      return;
    }
    const group = hit && double ? unitGroupOf(hit, ui.getState().focusedGroup) : null;
    if (hit && group !== null) {
      // A double-click on a group enters it and selects what was clicked inside it.
      this.lastClick = null;
      ui.getState().enterGroup(group);
      const ids = clickSelection(this.ctx, hit, group);
      ui.getState().select(ids);
      this.gesture = { kind: 'pointing', down: e, target: { kind: 'shape', id: hit.id, ids, onClick: 'keep' } };
      return;
    }
    if (canEdit && double && editable) {
      this.lastClick = null;
      if (edited) ui.getState().select([edited.id]);
      // The editor opens on up: after this press the browser moves focus to what was pressed,
      // which would blur an editor opened now, and blur ends the edit.
      this.gesture = {
        kind: 'pointing',
        down: e,
        target: edited ? { kind: 'edit', id: edited.id } : { kind: 'text' },
      };
      return;
    }
    this.lastClick = e.endsEdit ? null : this.clickAt(e, edited?.id ?? null);
    const hollow = picked?.hollow ? picked.shape : undefined;
    this.gesture = { kind: 'pointing', down: e, target: this.pointTarget(e, hit, hollow, bounds) };
  }

  protected override onPointerMove(e: PointerInput): void {
    if (this.pointDrag) return this.pointDrag.move(e);
    const gesture = this.gesture;
    if (gesture?.kind === 'pointing') {
      if (!this.movedBeyond(gesture.down, e, DRAG_THRESHOLD_PX)) return;
      if (gesture.target.kind === 'canvas') {
        const { additive, base } = gesture.target;
        this.gesture = {
          kind: 'marquee',
          down: gesture.down,
          additive,
          base,
          box: boxFromCorners(gesture.down, e),
          ids: [],
        };
      } else if (!this.ctx.ui.getState().canEdit) {
        return; // a viewer's press on a shape selects it; dragging it moves nothing
      } else {
        // A frame takes its members along (frames/membership.ts).
        const originals = withMembers(this.selectedShapes(), this.ctx.board.all());
        this.snapper.begin(originals);
        this.gesture = { kind: 'dragging', down: gesture.down, originals, moved: originals };
      }
    }
    this.update(e);
  }

  protected override onPointerUp(e: PointerInput): void {
    this.onPointerMove(e);
    const pointDrag = this.pointDrag;
    this.pointDrag = null;
    if (pointDrag) return pointDrag.commit();
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture) return;
    const ui = this.ctx.ui.getState();
    if (gesture.kind === 'pointing') this.click(gesture.target, gesture.down);
    else if (gesture.kind === 'marquee') ui.select(gesture.additive ? [...gesture.base, ...gesture.ids] : gesture.ids);
    else {
      // A handle pressed and moved at all was a resize or a turn, not the first half of a double-click.
      if (e.screenX !== gesture.down.screenX || e.screenY !== gesture.down.screenY) this.lastClick = null;
      this.commit(gesture.originals, gesture.moved, gesture.kind === 'dragging');
    }
    this.snapper.end();
  }

  cancel(): void {
    this.gesture = null;
    this.pointDrag = null;
    this.snapper.end();
    // A click before another tool was used is not the first half of a double-click.
    this.lastClick = null;
    if (this.ctx.ui.getState().editingId) this.ctx.ui.getState().setEditing(null);
  }

  override preview(): Preview | null {
    if (this.pointDrag) return this.pointDrag.preview();
    const gesture = this.gesture;
    if (!gesture || gesture.kind === 'pointing') return null;
    if (gesture.kind === 'marquee') return { kind: 'marquee', tool: 'select', box: gesture.box, ids: gesture.ids };
    const action = gesture.kind === 'dragging' ? 'move' : gesture.kind === 'resizing' ? 'resize' : 'rotate';
    const guides = this.snapper.guides;
    const followers = this.followersOf(gesture.originals, gesture.moved);
    return {
      kind: 'transform',
      tool: 'select',
      action,
      shapes: gesture.moved,
      ...(guides.length > 0 && { guides }),
      ...(followers.length > 0 && { followers }),
    };
  }

  /** The connectors bound to the transformed shapes, drawn against their live geometry. */
  private followersOf(originals: readonly Shape[], moved: readonly Shape[]): Shape[] {
    if (this.followers?.originals !== originals) {
      const ids = new Set(originals.map((shape) => shape.id));
      this.followers = { originals, connectors: boundTo(this.ctx.board.all(), ids) };
    }
    return following(this.ctx.board, this.followers.connectors, moved);
  }

  /** The inline editor of a double-clicked text, note or label is done. */
  commitText(text: string): void {
    const ui = this.ctx.ui.getState();
    const id = ui.editingId;
    if (!id) return;
    const result = commitShapeText(this.ctx.board, id, text);
    ui.setEditing(null);
    if (result !== 'updated') ui.select(ui.selection.filter((selected) => selected !== id));
  }

  private pointTarget(e: PointerInput, hit: Shape | undefined, hollow: Shape | undefined, bounds: Box | null): Target {
    const ui = this.ctx.ui.getState();
    // A click outside the group entered leaves it.
    const focus = ui.focusedGroup;
    const clicked = hit ?? hollow;
    if (focus !== null && !(clicked && isInGroup(clicked, focus))) ui.enterGroup(null);
    const unitOf = (shape: Shape) => clickSelection(this.ctx, shape, this.ctx.ui.getState().focusedGroup);
    if (hit) {
      const ids = unitOf(hit);
      const isSelected = ui.selection.includes(hit.id);
      if (!isSelected) ui.select(e.shiftKey ? [...ui.selection, ...ids] : ids);
      return { kind: 'shape', id: hit.id, ids, onClick: !isSelected ? 'keep' : e.shiftKey ? 'remove' : 'only' };
    }
    if (bounds && !e.shiftKey && boxContainsPoint(bounds, e)) {
      return { kind: 'selection', onClick: hollow ? unitOf(hollow) : [] };
    }
    if (!e.shiftKey) ui.select([]);
    const base = e.shiftKey ? ui.selection : [];
    return { kind: 'canvas', additive: e.shiftKey, base, ...(hollow && { hollow: unitOf(hollow) }) };
  }

  /** A second press close in time and place to the last, on the same shape or again on no shape. */
  private clickAt(e: PointerInput, id: string | null): NonNullable<SelectTool['lastClick']> {
    return { time: this.ctx.now(), screenX: e.screenX, screenY: e.screenY, id };
  }

  private isDoubleClick(e: PointerInput, hit: Shape | undefined): boolean {
    const last = this.lastClick;
    return (
      last !== null &&
      last.id === (hit?.id ?? null) &&
      this.ctx.now() - last.time <= DOUBLE_CLICK_MS &&
      Math.hypot(e.screenX - last.screenX, e.screenY - last.screenY) <= DOUBLE_CLICK_PX
    );
  }

  private update(e: PointerInput): void {
    const gesture = this.gesture;
    if (!gesture) return;
    const dx = e.x - gesture.down.x;
    const dy = e.y - gesture.down.y;
    switch (gesture.kind) {
      case 'dragging': {
        const constrained = e.shiftKey ? constrainToAxis(dx, dy) : { dx, dy };
        const axes = { x: !e.shiftKey || constrained.dx !== 0, y: !e.shiftKey || constrained.dy !== 0 };
        const bounds = selectionBounds(gesture.originals);
        const origin = gesture.originals[0];
        const delta = bounds && origin ? this.snapper.move(bounds, origin, constrained, e, axes) : constrained;
        gesture.moved = moveShapes(gesture.originals, delta.dx, delta.dy);
        break;
      }
      case 'resizing': {
        const { fx, fy } = handleFractions(gesture.handle);
        const delta = this.snapper.resize(gesture.bounds, fx, fy, { dx, dy }, e);
        gesture.moved = resizeShapes(
          gesture.originals,
          scalingForHandle(
            gesture.handle,
            gesture.bounds,
            delta.dx,
            delta.dy,
            keepsAspect(gesture.originals, e.shiftKey),
          ),
        );
        const resized = selectionBounds(gesture.moved);
        if (resized) this.snapper.showGuidesFor(resized, e);
        break;
      }
      case 'rotating': {
        const angle = rotationAngle(gesture.originals, gesture.centre, gesture.down, e, e.shiftKey);
        gesture.moved = rotateShapes(gesture.originals, gesture.centre, angle);
        break;
      }
      case 'marquee':
        gesture.box = boxFromCorners(gesture.down, e);
        gesture.ids = marqueeSelection(this.ctx, gesture.box);
        break;
    }
  }

  private click(target: Target, down: PointerInput): void {
    const ui = this.ctx.ui.getState();
    // A frame's name is renamed in place (ui/frames/FrameNameEditor.tsx); texts and notes open the editor.
    if (target.kind === 'edit' && this.ctx.board.get(target.id)?.type === 'frame') ui.setRenamingFrame(target.id);
    else if (target.kind === 'edit') ui.setEditing(target.id);
    else if (target.kind === 'text') this.ctx.handOff?.('text', down);
    else if (target.kind === 'selection') ui.select(target.onClick);
    else if (target.kind === 'canvas' && target.hollow !== undefined)
      ui.select(target.additive ? toggled(target.base, target.hollow) : target.hollow);
    else if (target.kind === 'shape' && target.onClick === 'only') ui.select(target.ids);
    else if (target.kind === 'shape' && target.onClick === 'remove')
      ui.select(ui.selection.filter((id) => !target.ids.includes(id)));
  }

  /**
   * One update per changed shape, all in one transact: one undo step. A move
   * also joins the shapes it drops inside a frame to it and takes those it
   * drops outside out of theirs.
   */
  private commit(originals: readonly Shape[], moved: readonly Shape[], isMove: boolean): void {
    const transformed = new Set(originals.map((shape) => shape.id));
    const patches = originals
      .map((original, i) => ({
        id: original.id,
        after: moved[i] ?? original,
        patch: changedFields(original, moved[i] ?? original),
      }))
      .filter(({ patch }) => Object.keys(patch).length > 0)
      .map(({ id, after, patch }) => ({ id, patch: { ...patch, ...connectorChanges(after, transformed) } }));
    if (patches.length === 0) return;
    const board = this.ctx.board;
    board.transact(() => {
      for (const { id, patch } of patches) board.update(id, patch);
      if (isMove) settleMembership(board, moved);
    });
  }

  private selectedShapes(): Shape[] {
    const { board } = this.ctx;
    return this.ctx.ui
      .getState()
      .selection.map((id) => board.get(id))
      .filter((shape): shape is Shape => shape !== undefined);
  }
}

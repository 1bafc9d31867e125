export { BoardDoc, type BoardDocOptions, type ShapeInput, type ShapePatch, type ShapesListener } from './board-doc';
export { LOCAL_ORIGIN, SHAPES_MAP } from './doc-layout';
export { type ReorderDirection } from './reorder';
export { type InvalidShapeListener } from './shape-reader';
export { BoardUndo, type UndoState, type UndoStateListener } from './undo';

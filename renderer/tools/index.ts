export { BaseTool } from './base-tool';
export { BoxTool } from './box-tool';
export * from './constants';
export { ToolController, createTools, type ToolSet } from './controller';
export { EraserTool } from './eraser-tool';
export { HandTool } from './hand-tool';
export { LaserTool } from './laser-tool';
export { NoteTool } from './note-tool';
export { PenTool } from './pen-tool';
export { SegmentTool } from './segment-tool';
export { selectionHandles, handleAt, type Handle, type ResizeHandle } from './select/handles';
export { SelectTool, type SelectState } from './select/select-tool';
export { selectionBounds } from './select/transforms';
export { commitShapeText } from './text-commit';
export { TextTool } from './text-tool';
export {
  pointerAt,
  type KeyInput,
  type PointerInit,
  type PointerInput,
  type PointerKind,
  type Preview,
  type Tool,
  type ToolContext,
} from './tool';

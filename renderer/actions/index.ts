export type {
  Action,
  ActionContext,
  ActionGroup,
  ActionInput,
  ClipboardEventKind,
  ClipboardPort,
  KeyInput,
  Point,
  Shortcut,
  Size,
} from './action';
export { type Bounds, shapeBounds, unionBounds } from './bounds';
export { pasteText } from './clipboard-actions';
export {
  CLIPBOARD_KIND,
  CLIPBOARD_VERSION,
  type ClipboardContent,
  decodeClipboardText,
  encodeClipboardShapes,
  eventClipboard,
  MemoryClipboard,
} from './clipboard';
export { ariaKeyShortcuts, formatShortcut, matchesShortcut } from './keys';
export { ActionRegistry, type ActionRegistryOptions, createDefaultActions, shortcutLabel } from './registry';
export { toolActionId } from './tool-actions';
export { nextZoomStop, ZOOM_STOPS } from './view-actions';

/**
 * Gesture thresholds and defaults. Lengths named *_PX are screen pixels: a
 * tool divides them by the zoom, so they feel the same at any zoom.
 */

/** A pointer that moves at most this far between down and up is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 3;
/** Two pointer-downs this close in time and space are a double-click. */
export const DOUBLE_CLICK_MS = 400;
export const DOUBLE_CLICK_PX = 4;
/** How far from a shape's outline a click still picks it. */
export const HIT_TOLERANCE_PX = 6;
/** Radius around a resize handle that grabs it. */
export const HANDLE_HIT_RADIUS_PX = 8;
/** How far above the selection's top edge the rotation handle sits. */
export const ROTATE_HANDLE_OFFSET_PX = 24;
/** Shift while rotating snaps to this step. */
export const ROTATION_SNAP_RAD = Math.PI / 12; // 15°
/** Shift while drawing a line or arrow snaps its angle to this step. */
export const LINE_SNAP_RAD = Math.PI / 4; // 45°
/** Radius of the eraser. */
export const ERASER_RADIUS_PX = 8;
/** A pen point closer than this to the previous one adds nothing visible. */
export const PEN_MIN_STEP_PX = 1;
/** Size of a rect or ellipse made by a click without a drag. */
export const DEFAULT_BOX_WIDTH = 100;
export const DEFAULT_BOX_HEIGHT = 60;
/** How close, on screen, an edge or centre comes to another shape's before it snaps there. */
export const SNAP_DISTANCE_PX = 6;
/** The grid's step in board units (View › Show grid draws it; Snap to grid puts shapes on it). */
export const GRID_SIZE = 20;

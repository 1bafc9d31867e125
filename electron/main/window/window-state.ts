import { z } from 'zod';
import { writeFileAtomicSync } from '../files/atomic-write';
import { readFileLimited } from '../files/read-limited';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowSizing {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export const windowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface WindowPlacement {
  /** Without x and y, Electron centres the window on the primary display. */
  bounds: Rect | Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

/** How much of a window must show on some display for it to count as visible (enough to grab its title bar). */
const MIN_VISIBLE = { width: 100, height: 50 };

/**
 * Where to open the window, from the remembered state (untrusted: it is a file
 * on disk) and the displays' work areas now (primary first). A window whose
 * display went away, or that would be mostly off-screen, is centred on the
 * primary display instead; one larger than its display is shrunk to fit.
 */
export function placeWindow(saved: unknown, workAreas: readonly Rect[], sizing: WindowSizing): WindowPlacement {
  const primary = workAreas[0];
  const state = windowStateSchema.safeParse(saved);
  if (!primary) return { bounds: { width: sizing.width, height: sizing.height }, maximized: false };
  if (!state.success) return { bounds: fitSize(sizing.width, sizing.height, primary, sizing), maximized: false };

  const { x, y, maximized } = state.data;
  // The window opens at least at its minimum size, so that is the size that must show.
  const width = Math.max(state.data.width, sizing.minWidth);
  const height = Math.max(state.data.height, sizing.minHeight);
  const best = workAreas
    .map((area) => ({ area, overlap: intersection({ x, y, width, height }, area) }))
    .sort((a, b) => b.overlap.width * b.overlap.height - a.overlap.width * a.overlap.height)[0];
  if (!best || best.overlap.width < MIN_VISIBLE.width || best.overlap.height < MIN_VISIBLE.height) {
    return { bounds: fitSize(width, height, primary, sizing), maximized };
  }
  const area = best.area;
  const size = fitSize(width, height, area, sizing);
  return {
    bounds: {
      ...size,
      x: clamp(x, area.x, area.x + area.width - size.width),
      y: clamp(y, area.y, area.y + area.height - size.height),
    },
    maximized,
  };
}

export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(new TextDecoder().decode(await readFileLimited(file, 64 * 1024))) as unknown;
  } catch {
    return null;
  }
}

/**
 * Synchronous, so it is done when the window's close handler returns: at quit
 * (or a Windows log-off) the process may end right after, and an async write
 * was cut off. The file is a few dozen bytes.
 */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomicSync(file, new TextEncoder().encode(`${JSON.stringify(windowStateSchema.parse(state))}\n`));
}

function fitSize(width: number, height: number, area: Rect, sizing: WindowSizing): Pick<Rect, 'width' | 'height'> {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(sizing.minWidth, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(sizing.minHeight, area.height)),
  };
}

function intersection(a: Rect, b: Rect): Pick<Rect, 'width' | 'height'> {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

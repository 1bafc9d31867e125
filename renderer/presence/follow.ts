/**
 * Follow mode: my viewport shows what the person I follow sees. Their screen
 * and mine differ in size, so I show the same centre at the zoom that fits
 * their whole view into mine.
 */
import type { PresenceViewport } from '../../shared/protocol';
import { clampZoom, type Viewport } from '../state/ui-store';

export interface Size {
  width: number;
  height: number;
}

export function followedViewport(theirs: PresenceViewport, mine: Size): Viewport {
  const boardWidth = theirs.width / theirs.zoom;
  const boardHeight = theirs.height / theirs.zoom;
  const zoom = clampZoom(Math.min(mine.width / boardWidth, mine.height / boardHeight));
  const centreX = theirs.x + boardWidth / 2;
  const centreY = theirs.y + boardHeight / 2;
  return { x: centreX - mine.width / zoom / 2, y: centreY - mine.height / zoom / 2, zoom };
}

/** What ends following: any input of mine, Escape, or the followed person leaving. */
export type FollowStop = 'input' | 'escape' | 'left';

/**
 * Other people's work in progress, drawn over the board in their colours
 * (a group inside the interactive layer):
 * the outline of what each has selected, and the gesture each is making (a
 * stroke being drawn, shapes being dragged or resized) before it reaches the
 * doc. The shapes a remote drag stands for are hidden from the static layer
 * meanwhile (remoteReplacedIds), so a moved shape is not seen twice.
 */
import { Fragment } from 'react';
import { Group, Rect } from 'react-konva';
import type { BoardDoc } from '../../doc';
import type { Peer } from '../../presence/peers';
import { type Box, shapeBounds } from '../../shapes';
import { selectionBounds } from '../../tools';
import { ShapeView } from '../shape-views/ShapeView';

const OUTLINE_PX = 2;
/** A remote gesture is drawn a little transparent: it is not in the doc yet. */
const GESTURE_OPACITY = 0.7;

export function PresenceLayer({ peers, board, zoom }: { peers: readonly Peer[]; board: BoardDoc; zoom: number }) {
  return (
    <Group listening={false}>
      {peers.map((peer) => {
        const selected = peer.selection.flatMap((id) => board.get(id) ?? []);
        const box = peer.gesture ? null : selectionBounds(selected);
        return (
          <Fragment key={peer.clientId}>
            {peer.gesture?.shapes.map((shape) => (
              <Fragment key={shape.id}>
                <ShapeView shape={{ ...shape, opacity: shape.opacity * GESTURE_OPACITY }} />
                {peer.gesture?.replaces.includes(shape.id) && (
                  <Outline box={shapeBounds(shape)} color={peer.user.color} zoom={zoom} />
                )}
              </Fragment>
            ))}
            {box && <Outline box={box} color={peer.user.color} zoom={zoom} />}
          </Fragment>
        );
      })}
    </Group>
  );
}

function Outline({ box, color, zoom }: { box: Box; color: string; zoom: number }) {
  const pad = 3 / zoom;
  return (
    <Rect
      x={box.minX - pad}
      y={box.minY - pad}
      width={box.maxX - box.minX + pad * 2}
      height={box.maxY - box.minY + pad * 2}
      stroke={color}
      strokeWidth={OUTLINE_PX / zoom}
      dash={[6 / zoom, 3 / zoom]}
      listening={false}
    />
  );
}

/** Ids of doc shapes that someone is dragging, resizing or rotating right now. */
export function remoteReplacedIds(peers: readonly Peer[]): string[] {
  return peers.flatMap((peer) => peer.gesture?.replaces ?? []);
}

/**
 * The laser trails (tool K): mine and everyone else's, each point fading
 * over a second (presence/laser-trail.ts). A Konva layer of its own whose one
 * shape is redrawn every animation frame while a trail is visible, and not at
 * all otherwise; it reads the peer list and the tool itself, so a trail
 * re-renders neither React nor the board.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Layer, Shape as KonvaShape } from 'react-konva';
import { type FadingPoint, RemoteLaserTrails } from '../../presence/laser-trail';
import type { Peer } from '../../presence/peers';
import type { PresenceSession } from '../../presence/presence-session';
import { LaserTool, type ToolController } from '../../tools';

export const LASER_COLOUR = '#ff2d2d';
/** Screen pixels, divided by the zoom. */
const LASER_WIDTH_PX = 5;

export interface LaserLayerProps {
  controller: ToolController;
  presence: PresenceSession | null;
  zoom: number;
}

function drawTrail(ctx: CanvasRenderingContext2D, points: readonly FadingPoint[], zoom: number): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = LASER_COLOUR;
  ctx.fillStyle = LASER_COLOUR;
  const width = LASER_WIDTH_PX / zoom;
  const first = points[0];
  if (points.length === 1 && first) {
    ctx.globalAlpha = first.alpha;
    ctx.beginPath();
    ctx.arc(first.x, first.y, width / 2, 0, Math.PI * 2);
    ctx.fill();
  }
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1];
    const to = points[i];
    if (!from || !to) continue;
    // Older segments are thinner as well as fainter, as a laser's afterglow.
    ctx.globalAlpha = to.alpha;
    ctx.lineWidth = width * (0.4 + 0.6 * to.alpha);
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

export function LaserLayer({ controller, presence, zoom }: LaserLayerProps) {
  const layer = useRef<Konva.Layer>(null);
  const frame = useRef(0);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const remote = useMemo(() => new RemoteLaserTrails(), []);
  const tool = controller.tools.laser;
  const mine = tool instanceof LaserTool ? tool.trail : null;

  const visibleTrails = useCallback(
    (now: number): FadingPoint[][] => {
      const trails = remote.visible(now).map((trail) => trail.points);
      const own = mine?.visible(now) ?? [];
      return own.length > 0 ? [...trails, own] : trails;
    },
    [mine, remote],
  );

  /** Starts the animation unless it runs; it stops itself once every trail has faded. */
  const animate = useCallback(() => {
    if (frame.current !== 0) return;
    const step = () => {
      frame.current = 0;
      layer.current?.batchDraw();
      if (visibleTrails(performance.now()).length > 0) frame.current = requestAnimationFrame(step);
    };
    frame.current = requestAnimationFrame(step);
  }, [visibleTrails]);

  useEffect(() => controller.subscribe(animate), [controller, animate]);
  useEffect(() => {
    if (!presence) return;
    const receive = (peers: readonly Peer[]) => {
      const now = performance.now();
      for (const peer of peers) remote.receive(peer.clientId, peer.laser, now);
      remote.keepOnly(new Set(peers.map((peer) => peer.clientId)));
      if (peers.some((peer) => peer.laser)) animate();
    };
    receive(presence.peers.peers);
    return presence.peers.subscribe(receive);
  }, [presence, remote, animate]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      for (const points of visibleTrails(performance.now())) drawTrail(context._context, points, zoomRef.current);
    },
    [visibleTrails],
  );
  return (
    <Layer ref={layer} listening={false} name="laser">
      <KonvaShape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}

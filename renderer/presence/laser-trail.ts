/**
 * The laser pointer's trail (tool K): the last points of a drag, each fading
 * out over LASER_FADE_MS after it was drawn. Presence only, never the doc
 * (docs/ARCHITECTURE.md#laser-pointer).
 *
 * My trail stamps points with my clock. Others publish their newest points
 * with a running count (`seq`); a receiver adds the ones it has not seen, on
 * its own clock, so fading never depends on two machines' clocks agreeing and
 * a presence message lost or merged by the relay's 33 ms tick loses no point
 * (up to MAX_PRESENCE_LASER_POINTS between two messages).
 */
import { MAX_PRESENCE_LASER_POINTS, type PresenceLaser } from '../../shared/protocol';
import type { Point } from '../shapes';

/** How long a point of the trail stays visible, ms. */
export const LASER_FADE_MS = 1_000;
/** Points one trail keeps (at 60 Hz a second of drag is 60; more only lengthens a trail already gone). */
export const MAX_LASER_TRAIL_POINTS = 120;

export interface LaserPoint extends Point {
  /** When it was added, on this machine's clock (ms). */
  t: number;
}

/** A point as drawn: `alpha` 1 when new, 0 when LASER_FADE_MS old. */
export interface FadingPoint extends Point {
  alpha: number;
}

export class LaserTrail {
  private points: LaserPoint[] = [];
  private count = 0;

  /** How many points were ever added: the `seq` others compare. */
  get seq(): number {
    return this.count;
  }

  add(point: Point, now: number): void {
    this.points.push({ x: point.x, y: point.y, t: now });
    this.count++;
    if (this.points.length > MAX_LASER_TRAIL_POINTS) this.points.splice(0, this.points.length - MAX_LASER_TRAIL_POINTS);
  }

  /** The points still visible at `now`, oldest first, each with its fade; forgets the faded ones. */
  visible(now: number): FadingPoint[] {
    const firstAlive = this.points.findIndex((point) => now - point.t < LASER_FADE_MS);
    if (firstAlive === -1) this.points = [];
    else if (firstAlive > 0) this.points.splice(0, firstAlive);
    return this.points.map((point) => ({
      x: point.x,
      y: point.y,
      alpha: Math.min(1, 1 - (now - point.t) / LASER_FADE_MS),
    }));
  }

  isEmpty(now: number): boolean {
    return this.visible(now).length === 0;
  }

  /** What I publish: my newest points (bounded) and the running count. */
  shared(): PresenceLaser {
    const recent = this.points.slice(-MAX_PRESENCE_LASER_POINTS);
    return { seq: this.count, points: recent.map((point) => [point.x, point.y]) };
  }
}

/** Other people's trails, fed from their presence states. */
export class RemoteLaserTrails {
  private readonly trails = new Map<number, { trail: LaserTrail; seq: number }>();

  /** A peer's published laser (null: not lasering now). Adds the points not seen yet. */
  receive(clientId: number, laser: PresenceLaser | null | undefined, now: number): void {
    if (!laser) return;
    let entry = this.trails.get(clientId);
    if (!entry) {
      entry = { trail: new LaserTrail(), seq: laser.seq - laser.points.length };
      this.trails.set(clientId, entry);
    }
    // A lower count is a new session of theirs (a reload): take what they sent.
    const fresh = laser.seq < entry.seq ? laser.points.length : Math.min(laser.points.length, laser.seq - entry.seq);
    for (const [x, y] of laser.points.slice(laser.points.length - fresh)) entry.trail.add({ x, y }, now);
    entry.seq = laser.seq;
  }

  /** Drops the trails of people who left. */
  keepOnly(clientIds: ReadonlySet<number>): void {
    for (const clientId of this.trails.keys()) if (!clientIds.has(clientId)) this.trails.delete(clientId);
  }

  /** Each visible trail with its owner. */
  visible(now: number): { clientId: number; points: FadingPoint[] }[] {
    const out: { clientId: number; points: FadingPoint[] }[] = [];
    for (const [clientId, { trail }] of this.trails) {
      const points = trail.visible(now);
      if (points.length > 0) out.push({ clientId, points });
    }
    return out;
  }
}

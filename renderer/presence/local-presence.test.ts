import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type PresenceState, presenceStateSchema } from '../../shared/protocol';
import { createHarness, down, move, up } from '../tools/testing/harness';
import { rect } from '../tools/testing/shapes';
import { IDLE_AFTER_MS } from './activity';
import { FollowController } from './follow-controller';
import { LocalPresence, type PageVisibility } from './local-presence';
import { PeerList } from './peers';

class FakeVisibility implements PageVisibility {
  isHidden = false;
  private readonly listeners = new Set<() => void>();
  hidden() {
    return this.isHidden;
  }
  onChange(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(hidden: boolean) {
    this.isHidden = hidden;
    for (const listener of this.listeners) listener();
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(tool: 'select' | 'rect' = 'select') {
  const harness = createHarness({ tool });
  const awareness = new Awareness(harness.doc);
  const visibility = new FakeVisibility();
  let now = 10_000;
  const stage = { width: 800, height: 600 };
  const presence = new LocalPresence({
    awareness,
    ui: harness.ui,
    controller: harness.controller,
    user: { name: 'Ann', color: '#1971c2' },
    visibility,
    now: () => now,
    stageSize: () => stage,
  });
  cleanups.push(() => {
    presence.destroy();
    awareness.destroy();
  });
  const published = () => presenceStateSchema.parse(awareness.getLocalState());
  const resizeStage = (width: number, height: number) => Object.assign(stage, { width, height });
  return {
    harness,
    awareness,
    visibility,
    presence,
    published,
    stage,
    resizeStage,
    advance: (ms: number) => (now += ms),
  };
}

describe('LocalPresence', () => {
  it('publishes a valid state at once: name, colour, no cursor, the viewport', () => {
    const { published } = setup();
    expect(published()).toMatchObject({
      user: { name: 'Ann', color: '#1971c2' },
      cursor: null,
      selection: [],
      gesture: null,
      viewport: { x: 0, y: 0, zoom: 1, width: 800, height: 600 },
      activity: 'active',
      following: null,
    });
  });

  it('publishes the cursor as the board point under the pointer, and null when it leaves the canvas', () => {
    const { presence, published, harness } = setup();
    harness.ui.getState().setViewport({ x: 100, y: -50, zoom: 2 });
    presence.setPointer({ x: 41, y: 20 });
    expect(published().cursor).toEqual({ x: 120.5, y: -40 });
    presence.setPointer(null);
    expect(published().cursor).toBeNull();
  });

  it('moves the published cursor when the view pans or zooms under a pointer that stays put', () => {
    const { presence, published, harness } = setup();
    presence.setPointer({ x: 200, y: 100 });
    expect(published().cursor).toEqual({ x: 200, y: 100 });
    harness.ui.getState().setViewport({ x: 50, y: 30, zoom: 1 }); // a wheel pan: no pointer event
    expect(published().cursor).toEqual({ x: 250, y: 130 });
    harness.ui.getState().setViewport({ x: 50, y: 30, zoom: 4 });
    expect(published().cursor).toEqual({ x: 100, y: 55 });
  });

  it('publishes the selection and the viewport as they change', () => {
    const { harness, published } = setup();
    harness.board.create(rect('r1', 0, 0, 10, 10));
    harness.ui.getState().select(['r1']);
    harness.ui.getState().setViewport({ x: 5, y: 6, zoom: 2 });
    expect(published()).toMatchObject({ selection: ['r1'], viewport: { x: 5, y: 6, zoom: 2 } });
  });

  it('shows a shape being drawn as a gesture before it is in the doc, and drops it when it is committed', () => {
    const { harness, published } = setup('rect');
    harness.drive([down(10, 10), move(60, 40)]);
    const gesture = published().gesture;
    expect(gesture?.shapes).toHaveLength(1);
    expect(gesture?.shapes[0]).toMatchObject({ type: 'rect', x: 10, y: 10, w: 50, h: 30 });
    expect(gesture?.replaces).toEqual([]);
    expect(harness.board.all()).toHaveLength(0);
    harness.drive([up(60, 40)]);
    expect(published().gesture).toBeNull();
    expect(harness.board.all()).toHaveLength(1);
  });

  it('says while I present frames, and publishes the laser trail while it draws, never touching the doc', () => {
    const { harness, published } = setup();
    expect(published().presenting).toBeUndefined();
    harness.ui.getState().setPresenting('frame-1');
    expect(published().presenting).toBe(true);
    harness.ui.getState().setPresenting(null);
    expect(published().presenting).toBeUndefined();
    harness.ui.getState().setTool('laser');
    harness.resetUpdates();
    harness.drive([down(10, 10), move(30, 20)]);
    expect(published().laser).toEqual({
      seq: 2,
      points: [
        [10, 10],
        [30, 20],
      ],
    });
    harness.drive([up(40, 20)]);
    expect(published().laser).toBeNull();
    expect(harness.updates).toBe(0);
  });

  it('shows shapes being dragged with the ids they stand for', () => {
    const { harness, published } = setup('select');
    harness.board.create(rect('r1', 0, 0, 40, 40, '#ffffff'));
    harness.drive([down(20, 20), move(60, 20), move(80, 30)]);
    expect(published().gesture).toMatchObject({ shapes: [{ id: 'r1', x: 60, y: 10 }], replaces: ['r1'] });
  });

  it('sets my state only when it changed, so a tool tick with nothing new does not use up the next send', () => {
    const { presence, awareness, harness } = setup('select');
    let updates = 0;
    awareness.on('update', () => updates++);
    harness.drive([move(10, 10), move(20, 20)]); // a hover: the controller ticks, presence has nothing new
    presence.setFollowing(null);
    expect(updates).toBe(0);
    presence.setPointer({ x: 5, y: 5 });
    presence.setPointer({ x: 5, y: 5 });
    expect(updates).toBe(1);
  });

  it('is away while the page is hidden and idle after a minute without input', () => {
    const { presence, visibility, published, advance } = setup();
    visibility.set(true);
    expect(published().activity).toBe('away');
    visibility.set(false);
    advance(IDLE_AFTER_MS);
    presence.setFollowing(null); // any republish re-evaluates
    expect(published().activity).toBe('idle');
    presence.noteInput();
    expect(published().activity).toBe('active');
  });

  it('clears its state when it is destroyed, so others drop the cursor at once', () => {
    const { presence, awareness } = setup();
    presence.destroy();
    expect(awareness.getLocalState()).toBeNull();
  });
});

describe('FollowController', () => {
  function twoPeople() {
    const me = setup();
    const other = new Awareness(new Y.Doc());
    const peers = new PeerList(me.awareness);
    const follow = new FollowController(peers, me.harness.ui, me.presence, () => me.stage);
    cleanups.push(() => {
      follow.destroy();
      peers.destroy();
      other.destroy();
    });
    const theirViewport = (x: number, y: number, zoom: number, theirs: Partial<PresenceState> = {}) => {
      other.setLocalState({
        ...me.published(),
        user: { name: 'Bea', color: '#e03131' },
        viewport: { x, y, zoom, width: 800, height: 600 },
        following: null,
        ...theirs,
      });
      applyAwarenessUpdate(me.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    };
    const leave = () => {
      other.setLocalState(null);
      applyAwarenessUpdate(me.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    };
    return { ...me, other, follow, theirViewport, leave };
  }

  it('moves my viewport with theirs and says whom I follow', () => {
    const { follow, other, theirViewport, harness, published } = twoPeople();
    theirViewport(100, 200, 2);
    follow.follow(other.clientID);
    expect(harness.ui.getState().viewport).toEqual({ x: 100, y: 200, zoom: 2 });
    expect(published().following).toBe(other.clientID);
    theirViewport(300, 200, 2);
    expect(harness.ui.getState().viewport).toEqual({ x: 300, y: 200, zoom: 2 });
  });

  it('leaves my view alone while they follow me back, so two people following each other do not zoom away', () => {
    const { follow, other, theirViewport, harness, presence } = twoPeople();
    theirViewport(100, 200, 2);
    follow.follow(other.clientID);
    expect(harness.ui.getState().viewport).toEqual({ x: 100, y: 200, zoom: 2 });
    // They follow me now, on a screen of another shape: fitting their view would zoom me out.
    theirViewport(50, 150, 1.5, {
      following: presence.clientId,
      viewport: { x: 50, y: 150, zoom: 1.5, width: 400, height: 600 },
    });
    expect(harness.ui.getState().viewport).toEqual({ x: 100, y: 200, zoom: 2 });
    expect(follow.target).toBe(other.clientID);
    // They stop following me: I follow their view again.
    theirViewport(300, 200, 2);
    expect(harness.ui.getState().viewport).toEqual({ x: 300, y: 200, zoom: 2 });
  });

  it('fits their view again when my canvas changes size', () => {
    const { follow, other, theirViewport, harness, presence, resizeStage, published } = twoPeople();
    theirViewport(0, 0, 1);
    follow.follow(other.clientID);
    expect(harness.ui.getState().viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    resizeStage(800, 500); // a banner took 100 px of my canvas's height
    presence.stageResized();
    follow.stageResized();
    // Their 800 × 600 box fits into 800 × 500 at zoom 5/6, around the same centre (400, 300).
    const { x, y, zoom } = harness.ui.getState().viewport;
    expect(zoom).toBeCloseTo(5 / 6);
    expect(x + 800 / zoom / 2).toBeCloseTo(400);
    expect(y + 500 / zoom / 2).toBeCloseTo(300);
    expect(published().viewport).toMatchObject({ width: 800, height: 500 });
  });

  it('stops on my input or Escape, and when they leave', () => {
    const { follow, other, theirViewport, leave, harness, published } = twoPeople();
    const stops: (string | undefined)[] = [];
    follow.subscribe((target, reason) => target === null && stops.push(reason));
    theirViewport(0, 0, 1);
    follow.follow(other.clientID);
    follow.stop('escape');
    theirViewport(500, 500, 1);
    expect(harness.ui.getState().viewport.x).toBe(0);
    expect(published().following).toBeNull();
    follow.follow(other.clientID);
    leave();
    expect(follow.target).toBeNull();
    expect(stops).toEqual(['escape', 'left']);
  });
});

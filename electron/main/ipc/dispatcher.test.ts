import { describe, expect, it } from 'vitest';
import {
  INVOKE_CHANNELS,
  type InvokeChannelKey,
  parseJoinInput,
  type RelayInfo,
  type ShareStatus,
  type UpdateStatus,
} from '../../../shared/desktop';
import { DesktopFailure } from './desktop-failure';
import { createDispatcher, type HandlerContext, type IpcHandlers } from './dispatcher';
import type { IpcSender, SenderPolicy } from './sender';

const APP_WINDOW = 7;
const policy: SenderPolicy = { trustedOrigins: ['app://easel'], isAppWindow: (id) => id === APP_WINDOW };
const app: IpcSender = { frameUrl: 'app://easel/b/retro?relay=x', isMainFrame: true, webContentsId: APP_WINDOW };

const notSharing: ShareStatus = { sharing: false };
const idleUpdate: UpdateStatus = { phase: 'idle', version: null, percent: null, pending: 0 };
const relayInfo: RelayInfo = { state: 'running', url: 'http://127.0.0.1:1234', token: 'host', sharing: false };

/** Handlers that record what reached them and answer within the contract. */
function recordingHandlers() {
  const calls: { key: InvokeChannelKey; input: unknown }[] = [];
  const record = <K extends InvokeChannelKey>(key: K, answer: IpcHandlers[K]): IpcHandlers[K] =>
    ((input: never, context: HandlerContext) => {
      calls.push({ key, input });
      return (answer as (input: never, context: HandlerContext) => unknown)(input, context);
    }) as IpcHandlers[K];
  const handlers: IpcHandlers = {
    relayInfo: record('relayInfo', () => relayInfo),
    relayFollow: record('relayFollow', () => undefined),
    shareStart: record('shareStart', () => notSharing),
    shareStop: record('shareStop', () => notSharing),
    shareStatus: record('shareStatus', () => notSharing),
    joinDiscovered: record('joinDiscovered', () => []),
    joinRecent: record('joinRecent', () => []),
    joinRemember: record('joinRemember', () => []),
    joinForget: record('joinForget', () => []),
    joinParse: record('joinParse', (input) => {
      const parsed = parseJoinInput(input.text, input.token);
      if (!parsed.ok) throw new DesktopFailure('BAD_REQUEST', parsed.message);
      return parsed.target;
    }),
    joinProbe: record('joinProbe', () => ({ ok: false, problem: 'unreachable', message: 'down' })),
    fileOpen: record('fileOpen', () => ({ canceled: true })),
    fileSave: record('fileSave', () => ({ canceled: true })),
    fileWrite: record('fileWrite', (input) => ({ path: input.path })),
    menuSet: record('menuSet', () => undefined),
    launchTake: record('launchTake', () => []),
    updateStatus: record('updateStatus', () => idleUpdate),
    updateRestart: record('updateRestart', () => idleUpdate),
    updatePending: record('updatePending', () => undefined),
  };
  return { handlers, calls };
}

function setup(overrides: Partial<IpcHandlers> = {}) {
  const { handlers, calls } = recordingHandlers();
  const logged: string[] = [];
  const dispatcher = createDispatcher({ ...handlers, ...overrides }, policy, {
    warn: (event) => logged.push(event),
    error: (event) => logged.push(event),
  });
  return { dispatcher, calls, logged };
}

describe('IPC dispatcher', () => {
  it('passes a valid request from the app window to its handler, parsed', async () => {
    const { dispatcher, calls } = setup();
    expect(await dispatcher.dispatch(INVOKE_CHANNELS.shareStart, app, { port: 5000, boardId: 'retro' })).toEqual({
      ok: true,
      value: notSharing,
    });
    expect(await dispatcher.dispatch(INVOKE_CHANNELS.joinParse, app, { text: '192.168.1.2' })).toEqual({
      ok: true,
      value: { relayUrl: 'http://192.168.1.2:4455' },
    });
    expect(calls).toEqual([
      { key: 'shareStart', input: { port: 5000, boardId: 'retro' } },
      { key: 'joinParse', input: { text: '192.168.1.2' } },
    ]);
  });

  it('listens on exactly the contract’s channels', () => {
    expect(setup().dispatcher.channels.sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('refuses every sender but the top frame of our window at our origin, before looking at the payload', async () => {
    const { dispatcher, calls, logged } = setup();
    const wrongSenders: IpcSender[] = [
      { ...app, webContentsId: 99 },
      { ...app, isMainFrame: false },
      { ...app, frameUrl: null },
      { ...app, frameUrl: 'https://evil.example/' },
      { ...app, frameUrl: 'http://127.0.0.1:4455/b/retro' },
      { ...app, frameUrl: 'file:///tmp/page.html' },
      { ...app, frameUrl: 'app://other/index.html' },
      { ...app, frameUrl: 'app://easel.evil.example/' },
      { ...app, frameUrl: 'about:blank' },
      { ...app, frameUrl: 'data:text/html,<p>hi' },
      { ...app, frameUrl: 'not a url' },
    ];
    for (const sender of wrongSenders) {
      for (const channel of Object.values(INVOKE_CHANNELS)) {
        expect(await dispatcher.dispatch(channel, sender, undefined), `${channel} from ${sender.frameUrl}`).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This page may not use the desktop API.' },
        });
      }
    }
    expect(calls).toEqual([]);
    expect(logged.every((event) => event === 'ipc-refused-sender')).toBe(true);
  });

  it('trusts the dev server origin only when the policy lists it', async () => {
    const dev = { ...app, frameUrl: 'http://localhost:5173/' };
    expect(await setup().dispatcher.dispatch(INVOKE_CHANNELS.relayInfo, dev, undefined)).toMatchObject({ ok: false });
    const devPolicy = { ...policy, trustedOrigins: ['app://easel', 'http://localhost:5173'] };
    const dispatcher = createDispatcher(recordingHandlers().handlers, devPolicy, { warn() {}, error() {} });
    expect(await dispatcher.dispatch(INVOKE_CHANNELS.relayInfo, dev, undefined)).toMatchObject({ ok: true });
  });

  it('refuses malformed payloads on every channel with BAD_REQUEST, never reaching the handler', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const bad: Record<InvokeChannelKey, unknown[]> = {
      relayInfo: [{}, 'x', 0, null],
      relayFollow: [{ yes: true }, true],
      shareStart: [{ port: 80 }, { port: 70_000 }, { port: 4455.5 }, { port: '4455' }, { boardId: '../x' }, { x: 1 }],
      shareStop: [{ now: true }, 1],
      shareStatus: [{ boardId: 'a b' }, 'retro', { boardId: 'ok', extra: 1 }],
      joinDiscovered: [[], 'all'],
      joinRecent: [{ limit: 5 }],
      joinRemember: [
        {},
        { relayUrl: 'javascript:alert(1)' },
        { relayUrl: 'http://h:1/path' },
        { relayUrl: 'http://h:1', token: 'has space' },
        { relayUrl: 'http://h:1', label: 'x'.repeat(201) },
        { relayUrl: 'http://h:1', lastJoinedAt: 'now' },
      ],
      joinForget: [{}, { relayUrl: 'ftp://h' }, { relayUrl: 'http://h:1', boardId: '' }],
      joinParse: [{}, { text: 1 }, { text: 'x'.repeat(5000) }, { text: 'h', token: 't'.repeat(513) }, 'h:1'],
      joinProbe: [{}, { relayUrl: 'file:///etc' }, { relayUrl: 'http://u:p@h:1' }, { relayUrl: 'http://h:1', t: 1 }],
      fileOpen: [{}, { kind: 'exe' }, { kind: 'board', path: '/etc/passwd' }, { kind: 'board', filters: [] }],
      fileSave: [
        { kind: 'board', suggestedName: 'b', bytes: 'text' },
        { kind: 'board', suggestedName: '../../etc/passwd', bytes },
        { kind: 'board', suggestedName: 'a\\b', bytes },
        { kind: 'board', suggestedName: '', bytes },
        { kind: 'exe', suggestedName: 'b', bytes },
        { kind: 'png', suggestedName: 'b', bytes: [1, 2, 3] },
        { kind: 'png', suggestedName: 'b', bytes, path: '/tmp/x' },
      ],
      fileWrite: [
        { path: '/tmp/x.easel' },
        { path: '', bytes },
        { path: '/tmp/a\0b', bytes },
        { path: 42, bytes },
        { bytes },
        { path: '/tmp/x', bytes: new ArrayBuffer(3) },
      ],
      menuSet: [
        {},
        [{ id: 'edit.undo', label: 'Undo', enabled: true, group: 'edit', click: 'require("fs")' }],
        [{ id: 'edit.undo', label: 'Undo', enabled: true, group: 'edit', role: 'quit' }],
        [{ id: 'edit.undo', label: 'Undo', enabled: true, group: 'edit', accelerator: 'Ctrl+Alt+Del+Q+W+E' }],
      ],
      launchTake: [{ all: true }],
      updateStatus: [{ phase: 'downloaded' }],
      updateRestart: [{ force: true }, 'now'],
      updatePending: [
        {},
        { pending: -1 },
        { pending: 1.5 },
        { pending: '3' },
        { pending: 1_000_001 },
        { pending: 0, windowId: 2 },
        3,
      ],
    };
    const { dispatcher, calls } = setup();
    for (const [key, payloads] of Object.entries(bad) as [InvokeChannelKey, unknown[]][]) {
      for (const payload of payloads) {
        const result = await dispatcher.dispatch(INVOKE_CHANNELS[key], app, payload);
        expect(result, `${key} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^Invalid request: /) },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    expect(await setup().dispatcher.dispatch('easel:shell:exec', app, 'rm -rf /')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('passes a handler’s DesktopFailure on, and hides any other error behind INTERNAL', async () => {
    const { dispatcher, logged } = setup({
      shareStart: () => {
        throw new DesktopFailure('PORT_IN_USE', 'Port 4455 is already in use.');
      },
      shareStop: () => {
        throw new Error('/home/ann/secret/path exploded');
      },
      shareStatus: () => ({ sharing: true }) as never,
    });
    expect(await dispatcher.dispatch(INVOKE_CHANNELS.shareStart, app, undefined)).toEqual({
      ok: false,
      error: { code: 'PORT_IN_USE', message: 'Port 4455 is already in use.' },
    });
    const internal = await dispatcher.dispatch(INVOKE_CHANNELS.shareStop, app, undefined);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(await dispatcher.dispatch(INVOKE_CHANNELS.shareStatus, app, undefined)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(logged).toEqual(['ipc-handler-failed', 'ipc-bad-response']);
  });

  it('turns a refused join link into a message for people', async () => {
    expect(await setup().dispatcher.dispatch(INVOKE_CHANNELS.joinParse, app, { text: 'ftp://h/b/x' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Only http and https relays can be joined.' },
    });
  });
});

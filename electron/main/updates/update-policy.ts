/**
 * When the desktop app checks, downloads and installs its own updates, as a
 * pure state machine: each input (a check asked for, an event of
 * electron-updater, a restart asked for, a new count of unacknowledged
 * changes) gives the next state and the effects to carry out. Nothing here
 * touches Electron, the network or a clock; update-controller.ts runs it.
 *
 *   idle → checking → available → downloading → downloaded → waiting-for-save → installing
 *                   ↘ not-available / error        (restart asked, changes unsaved ↗)
 *
 * Rules it keeps:
 * - A restart installs only when no window has unacknowledged changes;
 *   otherwise it waits (and says so), and installs when the count reaches 0.
 * - A check nobody asked for is quiet: its outcome is a log line, never a
 *   dialog. A check from the menu tells its outcome ("Easel is up to date",
 *   or briefly why it failed), since the person is waiting for an answer.
 */
import type { UpdatePhase, UpdateStatus } from '../../../shared/desktop';

export interface UpdateState {
  phase: UpdatePhase;
  /** This app's version, for "you have the newest". */
  currentVersion: string;
  /** The version found or downloaded. */
  version: string | null;
  percent: number | null;
  /** Unacknowledged changes over all windows. */
  pending: number;
  /** The check under way was asked for from the menu: its outcome is told, not only logged. */
  manual: boolean;
}

/** electron-updater's events, as the controller reads them off its emitter. */
export type UpdaterEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-available'; version: string }
  | { type: 'update-not-available'; version: string | null }
  | { type: 'download-progress'; percent: number }
  | { type: 'update-downloaded'; version: string }
  | { type: 'error'; message: string };

export type UpdateInput =
  | UpdaterEvent
  | { type: 'check'; manual: boolean }
  /** The updater declined to check (it resolved null): this copy cannot update itself. */
  | { type: 'check-skipped' }
  | { type: 'restart-requested' }
  | { type: 'pending-changed'; pending: number };

export type UpdateEffect =
  | { kind: 'check' }
  | { kind: 'install' }
  | { kind: 'log'; event: string; details: Record<string, unknown> }
  /** Tell the person, in a dialog: only ever for something they asked for. */
  | { kind: 'tell'; tone: 'info' | 'warning'; message: string; detail: string };

export interface UpdateStep {
  state: UpdateState;
  effects: UpdateEffect[];
}

export function initialUpdateState(currentVersion: string): UpdateState {
  return { phase: 'idle', currentVersion, version: null, percent: null, pending: 0, manual: false };
}

/** What the windows are shown. */
export function updateStatusOf(state: UpdateState): UpdateStatus {
  return { phase: state.phase, version: state.version, percent: state.percent, pending: state.pending };
}

const log = (event: string, details: Record<string, unknown> = {}): UpdateEffect => ({ kind: 'log', event, details });
const tell = (message: string, detail: string, tone: 'info' | 'warning' = 'info'): UpdateEffect => ({
  kind: 'tell',
  tone,
  message,
  detail,
});

/** The phases in which a downloaded update is in hand (or being installed). */
const HOLDS_DOWNLOAD: ReadonlySet<UpdatePhase> = new Set(['downloaded', 'waiting-for-save', 'installing']);
/** The phases from which a new check may start. */
const AT_REST: ReadonlySet<UpdatePhase> = new Set(['idle', 'not-available', 'error']);

export function stepUpdate(state: UpdateState, input: UpdateInput): UpdateStep {
  switch (input.type) {
    case 'check':
      return check(state, input.manual);
    case 'check-skipped':
      return checkSkipped(state);
    case 'checking-for-update':
      // A check we did not start ourselves still counts as one.
      return AT_REST.has(state.phase) ? { state: { ...state, phase: 'checking' }, effects: [] } : same(state);
    case 'update-available':
      return available(state, input.version);
    case 'update-not-available':
      return notAvailable(state, input.version);
    case 'download-progress':
      if (state.phase !== 'available' && state.phase !== 'downloading') return same(state);
      return { state: { ...state, phase: 'downloading', percent: wholePercent(input.percent) }, effects: [] };
    case 'update-downloaded':
      if (HOLDS_DOWNLOAD.has(state.phase)) return same(state);
      return {
        state: { ...state, phase: 'downloaded', version: input.version, percent: null, manual: false },
        effects: [log('update-downloaded', { version: input.version })],
      };
    case 'error':
      return failed(state, input.message);
    case 'restart-requested':
      return restartRequested(state);
    case 'pending-changed':
      return pendingChanged(state, input.pending);
  }
}

function same(state: UpdateState): UpdateStep {
  return { state, effects: [] };
}

function check(state: UpdateState, manual: boolean): UpdateStep {
  if (AT_REST.has(state.phase)) {
    return {
      state: { ...state, phase: 'checking', manual },
      effects: [log('update-check', { manual }), { kind: 'check' }],
    };
  }
  if (!manual) return same(state);
  const version = state.version ?? 'A new version';
  switch (state.phase) {
    case 'checking':
      // The check under way answers this one too.
      return same({ ...state, manual: true });
    case 'available':
    case 'downloading':
      return {
        state,
        effects: [tell(`Easel ${version} is downloading`, 'You will be asked to restart once it is ready.')],
      };
    case 'downloaded':
    case 'waiting-for-save':
      return {
        state,
        effects: [
          tell(`Easel ${version} is ready to install`, 'Choose "Restart to update" in the window, or quit Easel.'),
        ],
      };
    default:
      return same(state);
  }
}

function checkSkipped(state: UpdateState): UpdateStep {
  if (state.phase !== 'checking') return same(state);
  const effects: UpdateEffect[] = [log('update-check-skipped')];
  if (state.manual) {
    effects.push(
      tell('This copy of Easel cannot update itself', 'Install Easel from its release page to get updates.'),
    );
  }
  return { state: { ...state, phase: 'idle', manual: false }, effects };
}

function available(state: UpdateState, version: string): UpdateStep {
  if (HOLDS_DOWNLOAD.has(state.phase)) return same(state);
  const effects: UpdateEffect[] = [log('update-available', { version })];
  if (state.manual) {
    effects.push(
      tell(`Easel ${version} is available`, 'It downloads in the background; you will be asked to restart.'),
    );
  }
  return { state: { ...state, phase: 'available', version, percent: null, manual: false }, effects };
}

function notAvailable(state: UpdateState, latest: string | null): UpdateStep {
  if (state.phase !== 'checking') return same(state);
  const effects: UpdateEffect[] = [log('update-not-available', { latest })];
  if (state.manual) {
    effects.push(tell('Easel is up to date', `Version ${state.currentVersion} is the newest.`));
  }
  return { state: { ...state, phase: 'not-available', manual: false }, effects };
}

/** One quiet log line, and a brief dialog only when the person asked (a menu check, or a restart). */
function failed(state: UpdateState, message: string): UpdateStep {
  const next: UpdateState = { ...state, phase: 'error', percent: null, manual: false };
  switch (state.phase) {
    case 'checking':
      return {
        state: next,
        effects: [
          log('update-check-failed', { error: message }),
          ...(state.manual ? [tell('Could not check for updates', message, 'warning')] : []),
        ],
      };
    case 'available':
    case 'downloading':
      return { state: next, effects: [log('update-download-failed', { version: state.version, error: message })] };
    case 'downloaded':
      return { state: next, effects: [log('update-failed', { version: state.version, error: message })] };
    case 'waiting-for-save':
    case 'installing':
      return {
        state: next,
        effects: [
          log('update-install-failed', { version: state.version, error: message }),
          tell('The update could not be installed', message, 'warning'),
        ],
      };
    default:
      // Nothing of ours was under way (a stray event): note it, change nothing.
      return { state, effects: [log('update-error', { error: message })] };
  }
}

function restartRequested(state: UpdateState): UpdateStep {
  if (state.phase !== 'downloaded') return same(state);
  if (state.pending > 0) {
    return {
      state: { ...state, phase: 'waiting-for-save' },
      effects: [log('update-waiting-for-save', { version: state.version, pending: state.pending })],
    };
  }
  return install(state);
}

function pendingChanged(state: UpdateState, pending: number): UpdateStep {
  const next = { ...state, pending };
  if (state.phase === 'waiting-for-save' && pending === 0) return install(next);
  return same(next);
}

function install(state: UpdateState): UpdateStep {
  return {
    state: { ...state, phase: 'installing' },
    effects: [log('update-installing', { version: state.version }), { kind: 'install' }],
  };
}

function wholePercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.floor(percent))) : 0;
}

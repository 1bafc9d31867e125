import { utilityProcess } from 'electron';
import type { ChildExit, ChildOutput, RelayChild, RelayChildSpawner } from './relay-child-process';

/**
 * The relay child as an Electron utility process: a Node.js process started
 * through Chromium's service launcher, so it works with the RunAsNode fuse
 * off. Messages sent before it has spawned are queued. Its stdout and stderr
 * are pipes handed to `output`: inherited, they would be the app's, which a
 * Windows GUI app does not have (the child's first log line failed, EBADF).
 */
export const utilityProcessSpawner = (output: ChildOutput): RelayChildSpawner => ({
  fork(modulePath, args) {
    const child = utilityProcess.fork(modulePath, [...args], { serviceName: 'Easel relay', stdio: 'pipe' });
    if (child.stdout) output(child.stdout);
    if (child.stderr) output(child.stderr);
    let spawned = false;
    const queued: unknown[] = [];
    let exited: ChildExit | null = null;
    const exitListeners: ((exit: ChildExit) => void)[] = [];
    child.once('spawn', () => {
      spawned = true;
      for (const message of queued.splice(0)) child.postMessage(message);
    });
    child.once('exit', (code) => {
      exited = { code, signal: null };
      for (const listener of exitListeners) listener(exited);
    });
    const relayChild: RelayChild = {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (exited) return;
        if (spawned) child.postMessage(message);
        else queued.push(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
      kill: () => {
        if (!exited) child.kill();
      },
    };
    return relayChild;
  },
});

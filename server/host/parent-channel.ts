/**
 * The relay child's line to the process that started it. Electron's
 * utilityProcess gives it `process.parentPort`; Node's child_process.fork
 * (tests, and `npm run dev` alike) gives it `process.send`. Both look the same
 * from here.
 */
export interface ParentChannel {
  onMessage(listener: (message: unknown) => void): void;
  /** Resolves once the message is handed over, so exiting right after does not lose it. */
  send(message: unknown): Promise<void>;
  /** The parent went away (a forked child only; a utility process dies with its parent). */
  onDisconnect(listener: () => void): void;
}

interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function parentChannel(proc: NodeJS.Process = process): ParentChannel | null {
  const port = (proc as NodeJS.Process & { parentPort?: UtilityParentPort }).parentPort;
  if (port) {
    return {
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
      send: (message) => {
        port.postMessage(message);
        return Promise.resolve();
      },
      onDisconnect: () => undefined,
    };
  }
  const send = proc.send?.bind(proc);
  if (!send) return null;
  return {
    onMessage: (listener) => proc.on('message', listener),
    send: (message) =>
      new Promise<void>((resolve) => {
        if (!proc.connected) return resolve();
        send(message, undefined, {}, () => resolve());
      }),
    onDisconnect: (listener) => proc.on('disconnect', listener),
  };
}

import { Worker } from 'node:worker_threads';
import { ClientGroup, type GroupConfig, type GroupResult, type GroupStatus, type RunPlan } from './client-group';

/** A client group seen from the main thread, wherever it runs. */
export interface GroupHandle {
  join(): Promise<void>;
  run(plan: RunPlan): Promise<void>;
  status(): Promise<GroupStatus>;
  finish(): Promise<GroupResult>;
  dispose(): Promise<void>;
}

/** The messages between a GroupHandle and group-worker.ts. */
export type GroupRequest =
  | { id: number; method: 'join' }
  | { id: number; method: 'run'; plan: RunPlan }
  | { id: number; method: 'status' }
  | { id: number; method: 'finish' };
/** A request before its id is assigned (Omit distributed over the union). */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;
export type GroupResponse = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };

/**
 * Splits the clients over the load-generator threads: `threads` 0 keeps them
 * all on this thread; otherwise client g goes to worker g mod threads, so each
 * worker's sends stay evenly spread over the period.
 */
export function createGroups(base: Omit<GroupConfig, 'indices'>, threads: number): GroupHandle[] {
  const all = Array.from({ length: base.totalClients }, (_, index) => index);
  if (threads === 0) return [localGroup(new ClientGroup({ ...base, indices: all }))];
  return Array.from({ length: threads }, (_, thread) =>
    workerGroup({ ...base, indices: all.filter((index) => index % threads === thread) }),
  );
}

function localGroup(group: ClientGroup): GroupHandle {
  return {
    join: () => group.join(),
    run: (plan) => group.run(plan),
    status: () => Promise.resolve(group.status()),
    finish: () => Promise.resolve(group.finish()),
    dispose: () => Promise.resolve(),
  };
}

function workerGroup(config: GroupConfig): GroupHandle {
  const worker = new Worker(new URL('./group-worker.ts', import.meta.url), { workerData: config });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (response: GroupResponse) => {
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) waiter.resolve(response.result);
    else waiter.reject(new Error(response.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`load-generator worker exited (${code})`)));

  const call = <T>(request: Unsent<GroupRequest>): Promise<T> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      worker.postMessage({ ...request, id });
    });
  };
  return {
    join: () => call<undefined>({ method: 'join' }),
    run: (plan) => call<undefined>({ method: 'run', plan }),
    status: () => call<GroupStatus>({ method: 'status' }),
    finish: () => call<GroupResult>({ method: 'finish' }),
    dispose: async () => {
      await worker.terminate();
    },
  };
}

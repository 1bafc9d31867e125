import { parentPort, workerData } from 'node:worker_threads';
import { ClientGroup, type GroupConfig, type GroupResult } from './client-group';
import type { GroupRequest, GroupResponse } from './groups';

/** Worker-thread entry: runs one ClientGroup and answers the requests of groups.ts. */
const port = parentPort!;
const group = new ClientGroup(workerData as GroupConfig);

port.on('message', (request: GroupRequest) => {
  void handle(request).then(
    ({ result, transfer }) => port.postMessage({ id: request.id, ok: true, result } satisfies GroupResponse, transfer),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies GroupResponse),
  );
});

async function handle(request: GroupRequest): Promise<{ result?: unknown; transfer: ArrayBuffer[] }> {
  switch (request.method) {
    case 'join':
      await group.join();
      return { transfer: [] };
    case 'run':
      await group.run(request.plan);
      return { transfer: [] };
    case 'status':
      return { result: group.status(), transfer: [] };
    case 'finish': {
      const result = group.finish();
      return { result, transfer: buffersOf(result) };
    }
  }
}

function buffersOf(result: GroupResult): ArrayBuffer[] {
  return Object.values(result)
    .filter((value): value is Float64Array => value instanceof Float64Array)
    .map((column) => column.buffer as ArrayBuffer);
}

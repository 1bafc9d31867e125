import { STRUCT_KIND, type StructHeader, type UpdateStructure } from './update-structure';

/**
 * What an update needs that the doc does not have, or null when Yjs will
 * integrate all of it. Yjs keeps structs whose dependencies are missing as
 * "pending" (`doc.store.pendingStructs`, deletions as `pendingDs`) and merges
 * and retries them on every later update: a client could pile up work that
 * never completes, so the relay refuses such updates instead.
 *
 * This replays Yjs's own order (yjs src/utils/encoding.js `integrateStructs`)
 * on the struct headers alone: a client's structs go in clock order; one whose
 * origin or right origin belongs to a client that is behind first waits for
 * that client's structs in the same update; a dependency nothing provides, or
 * a cycle, is missing. `stateOf(client)` is the doc's next clock for a client.
 */
export function missingDependency(structure: UpdateStructure, stateOf: (client: number) => number): string | null {
  const state = new Map<number, number>();
  const clockOf = (client: number) => state.get(client) ?? stateOf(client);
  const position = new Map<number, number>();
  const headOf = (client: number): StructHeader | undefined =>
    structure.clients.get(client)?.[position.get(client) ?? 0];
  const advance = (client: number) => position.set(client, (position.get(client) ?? 0) + 1);
  /** The client whose changes `struct` of `client` waits for, or undefined when it has everything. */
  const waitsFor = (client: number, struct: StructHeader): number | undefined => {
    for (const id of [struct.origin, struct.rightOrigin]) {
      if (id && id.client !== client && id.clock >= clockOf(id.client)) return id.client;
    }
    return undefined;
  };

  for (const first of structure.clients.keys()) {
    const stack = [first];
    const onStack = new Set(stack);
    while (stack.length > 0) {
      const client = stack[stack.length - 1] ?? first;
      const struct = headOf(client);
      if (!struct) {
        stack.pop();
        onStack.delete(client);
        continue;
      }
      if (struct.kind === STRUCT_KIND.skip) {
        advance(client);
        continue;
      }
      const have = clockOf(client);
      if (struct.clock > have) {
        return `it needs changes of client ${client} from clock ${have} that the relay does not have`;
      }
      const dependency = waitsFor(client, struct);
      if (dependency !== undefined) {
        if (onStack.has(dependency) || !headOf(dependency)) {
          return `it builds on changes of client ${dependency} that the relay does not have`;
        }
        stack.push(dependency);
        onStack.add(dependency);
        continue;
      }
      const end = struct.clock + struct.length;
      if (end > have) state.set(client, end);
      advance(client);
      // One struct further: let whoever waited for this client look again.
      if (stack.length > 1) {
        stack.pop();
        onStack.delete(client);
      }
    }
  }

  for (const { client, clock, length } of structure.deleteRanges) {
    if (clock + length > clockOf(client)) {
      return `it deletes changes of client ${client} that the relay does not have`;
    }
  }
  return null;
}

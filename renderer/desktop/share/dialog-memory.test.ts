import { describe, expect, it } from 'vitest';
import {
  DIALOG_MEMORY_KEY,
  DIALOG_MEMORY_TTL_MS,
  type DialogMemory,
  loadDialogMemory,
  saveDialogMemory,
  settlePending,
} from './dialog-memory';

class MapStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const memory = (over: Partial<DialogMemory> = {}): DialogMemory => ({
  boardId: 'retro',
  savedAt: 1_000,
  open: true,
  error: null,
  portInUse: null,
  stoppedNote: null,
  pending: null,
  ...over,
});

describe('dialog memory', () => {
  it('brings back an open dialog of the same board while fresh', () => {
    const storage = new MapStorage();
    const saved = memory({ pending: { kind: 'start', port: 5000 } });
    saveDialogMemory(storage, saved);
    expect(loadDialogMemory(storage, 'retro', 1_000 + DIALOG_MEMORY_TTL_MS)).toEqual(saved);
    expect(loadDialogMemory(storage, 'retro', 1_001 + DIALOG_MEMORY_TTL_MS)).toBeNull();
    expect(loadDialogMemory(storage, 'other', 1_000)).toBeNull();
  });

  it('forgets a closed dialog', () => {
    const storage = new MapStorage();
    saveDialogMemory(storage, memory());
    saveDialogMemory(storage, memory({ open: false }));
    expect(storage.items.has(DIALOG_MEMORY_KEY)).toBe(false);
  });

  it('ignores bad stored data and storages that throw', () => {
    const storage = new MapStorage();
    for (const raw of ['{', '[]', JSON.stringify({ ...memory(), error: { code: 'NOPE', message: 'x' } })]) {
      storage.items.set(DIALOG_MEMORY_KEY, raw);
      expect(loadDialogMemory(storage, 'retro', 1_000)).toBeNull();
    }
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(loadDialogMemory(throwing, 'retro', 1_000)).toBeNull();
    expect(() => saveDialogMemory(throwing, memory())).not.toThrow();
  });
});

describe('settlePending', () => {
  it('reads a start that left the relay unshared as a failure naming the port', () => {
    expect(settlePending({ kind: 'start', port: 5000 }, false)).toEqual({
      error: {
        code: 'UNAVAILABLE',
        message: 'Sharing did not start on port 5000. Another program may be using the port: try another one.',
      },
      portInUse: 5000,
    });
    expect(settlePending({ kind: 'start', port: null }, false)).toMatchObject({ portInUse: null });
  });

  it('reads a stop that left the relay unshared as done, and anything that worked as nothing to say', () => {
    expect(settlePending({ kind: 'stop', note: 'Sharing stopped.' }, false)).toEqual({
      stoppedNote: 'Sharing stopped.',
    });
    expect(settlePending({ kind: 'start', port: 5000 }, true)).toBeNull();
    expect(settlePending({ kind: 'stop', note: 'x' }, true)).toBeNull();
    expect(settlePending(null, false)).toBeNull();
  });
});

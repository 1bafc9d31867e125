import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { RecentJoins } from './recent-joins';

let dir: Awaited<ReturnType<typeof tempDir>>;
let file: string;
let clock: number;
beforeEach(async () => {
  dir = await tempDir('easel-recent-');
  file = path.join(dir.path, 'recent-joins.json');
  clock = Date.UTC(2026, 0, 1);
});
afterEach(() => dir.remove());

const store = (max = 20) => new RecentJoins(file, { max, now: () => new Date((clock += 1000)) });

describe('RecentJoins', () => {
  it('starts empty, keeps the newest first, and replaces a session joined again', async () => {
    const recents = store();
    expect(await recents.list()).toEqual([]);
    await recents.remember({ relayUrl: 'http://192.168.1.2:4455', boardId: 'a', token: 't1' });
    await recents.remember({ relayUrl: 'https://relay.example.com', boardId: 'b' });
    const list = await recents.remember({ relayUrl: 'http://192.168.1.2:4455', boardId: 'a', token: 't2' });
    expect(list.map((entry) => [entry.relayUrl, entry.token])).toEqual([
      ['http://192.168.1.2:4455', 't2'],
      ['https://relay.example.com', undefined],
    ]);
    expect(list[0]!.lastJoinedAt).toBe('2026-01-01T00:00:03.000Z');
    expect(await store().list()).toEqual(list);
  });

  it('keeps at most `max` and forgets on request', async () => {
    const recents = store(3);
    for (const board of ['a', 'b', 'c', 'd']) await recents.remember({ relayUrl: 'http://h:1', boardId: board });
    expect((await recents.list()).map((entry) => entry.boardId)).toEqual(['d', 'c', 'b']);
    expect((await recents.forget({ relayUrl: 'http://h:1', boardId: 'c' })).map((e) => e.boardId)).toEqual(['d', 'b']);
  });

  it('drops entries that do not validate and keeps the rest', async () => {
    const good = { relayUrl: 'http://h:1', boardId: 'ok', lastJoinedAt: '2026-01-01T00:00:00.000Z' };
    const bad = [
      { relayUrl: 'javascript:alert(1)', lastJoinedAt: good.lastJoinedAt },
      { ...good, boardId: '../../x' },
      { ...good, token: 'has space' },
      'junk',
    ];
    await fs.writeFile(file, JSON.stringify({ version: 1, entries: [bad[0], good, ...bad.slice(1)] }));
    expect(await store().list()).toEqual([good]);
  });

  it('sets a file that is not JSON aside instead of overwriting it', async () => {
    await fs.writeFile(file, '{ this is not json');
    const recents = store();
    expect(await recents.list()).toEqual([]);
    await recents.remember({ relayUrl: 'http://h:1' });
    const names = await fs.readdir(dir.path);
    const aside = names.find((name) => name.startsWith('recent-joins.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await fs.readFile(path.join(dir.path, aside!), 'utf8')).toBe('{ this is not json');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      entries: [{ relayUrl: 'http://h:1' }],
    });
  });

  it('runs concurrent changes one after another, losing none', async () => {
    const recents = store();
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((board) => recents.remember({ relayUrl: 'http://h:1', boardId: board })),
    );
    expect((await store().list()).map((entry) => entry.boardId).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it.skipIf(process.platform === 'win32')(
    'keeps its tokens readable by this user only: a new file is 0600, an older 0644 one is narrowed',
    async () => {
      const modeOf = async () => (await fs.stat(file)).mode & 0o777;
      await store().remember({ relayUrl: 'http://192.168.1.2:4455', boardId: 'a', token: 'secret' });
      expect(await modeOf()).toBe(0o600);

      // As an older version left it.
      await fs.chmod(file, 0o644);
      expect(await store().list()).toHaveLength(1);
      expect(await modeOf()).toBe(0o600);

      await fs.chmod(file, 0o644);
      await store().forget({ relayUrl: 'http://192.168.1.2:4455', boardId: 'a' });
      expect(await modeOf()).toBe(0o600);
      await fs.rm(file);
      await fs.writeFile(file, JSON.stringify({ version: 1, entries: [] }), { mode: 0o666 });
      await fs.chmod(file, 0o666);
      await store().remember({ relayUrl: 'http://h:1', token: 't' });
      expect(await modeOf()).toBe(0o600);
    },
  );
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BoardPeer } from '../../tests/support/board-peer';
import { type PostgresEngine, postgresMissing, startPostgres } from '../../tests/support/postgres';
import { type RedisEngine, redisMissing, startRedis } from '../../tests/support/redis';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { sleep, waitFor } from '../../tests/support/wait';

/**
 * Real relay processes sharing one PostgreSQL and one Redis, each started
 * here and thrown away afterwards (docs/ARCHITECTURE.md#several-relays).
 */
describe.skipIf(postgresMissing ?? redisMissing)(
  'several relays on one PostgreSQL and Redis',
  { timeout: 120_000 },
  () => {
    let postgres: PostgresEngine;
    let redis: RedisEngine;
    const relays: RelayProcess[] = [];
    const clients: BoardPeer[] = [];

    beforeAll(async () => {
      [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    }, 60_000);
    afterEach(async () => {
      for (const client of clients.splice(0)) client.close();
      await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    });
    afterAll(async () => {
      await redis?.kill();
      await postgres?.destroy();
    });

    const startNode = async (node: string, store: string) => {
      const relay = await startRelayProcess(['--port', '0', '--store', store, '--redis', redis.url, '--node', node], {
        env: { LOG_LEVEL: 'warn' },
        // Several relays compile and start at once on a shared two-core machine.
        timeoutMs: 60_000,
      });
      relays.push(relay);
      return relay;
    };
    const join = async (relay: RelayProcess, boardId: string) => {
      const client = await BoardPeer.join(relay.url, boardId);
      clients.push(client);
      return client;
    };
    const health = async (relay: RelayProcess) => {
      const response = await fetch(`${relay.url}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    /** Polls /healthz until it answers `status` (the relay probes its store every 2 s). */
    const healthBecomes = async (relay: RelayProcess, status: number) => {
      let report = await health(relay);
      for (let tries = 0; report.status !== status && tries < 50; tries++) {
        await sleep(200);
        report = await health(relay);
      }
      return report;
    };

    it('three relays: clients spread over them converge, and /healthz names the node, store and Redis', async () => {
      const store = await postgres.createDatabase();
      const nodes = await Promise.all(['n1', 'n2', 'n3'].map((node) => startNode(node, store)));
      const spread = await Promise.all(nodes.flatMap((relay) => [join(relay, 'team'), join(relay, 'team')]));
      await Promise.all(
        spread.map(async (client, index) => {
          for (let edit = 0; edit < 15; edit++) expect((await client.set(`c${index}-${edit}`)).ok).toBe(true);
        }),
      );
      const everything = spread.flatMap((client) => client.acked).sort();
      expect(everything).toHaveLength(90);
      for (const client of spread)
        await waitFor(() => client.keys.length === 90, 'every client to have every edit', 15_000);
      for (const client of spread) expect(client.keys).toEqual(everything);

      const report = await health(nodes[1]!);
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({
        ok: true,
        node: 'n2',
        store: { kind: 'postgres', ok: true },
        redis: { ok: true },
      });
    });

    it('presence crosses relays, and a killed relay’s presence goes within seconds', async () => {
      const store = await postgres.createDatabase();
      const [n1, n2, n3] = await Promise.all(['p1', 'p2', 'p3'].map((node) => startNode(node, store)));
      const ada = await join(n1!, 'meeting');
      const bob = await join(n2!, 'meeting');
      ada.present({ name: 'ada' });
      bob.present({ name: 'bob' });
      await waitFor(() => bob.othersPresent.includes('ada'), 'bob to see ada across relays', 10_000);
      await waitFor(() => ada.othersPresent.includes('bob'), 'ada to see bob across relays', 10_000);
      // A client joining a third relay is told who is present on the others.
      const cy = await join(n3!, 'meeting');
      await waitFor(() => cy.othersPresent.join() === 'ada,bob', 'the newcomer to see both', 10_000);

      n1!.child.kill('SIGKILL');
      const startedAt = performance.now();
      await waitFor(() => !cy.othersPresent.includes('ada'), 'ada to vanish after her relay died', 15_000);
      await waitFor(() => !bob.othersPresent.includes('ada'), 'ada to vanish for bob too', 5_000);
      expect(performance.now() - startedAt).toBeLessThan(10_000);
      expect(cy.othersPresent).toEqual(['bob']);
    });

    it('kill -9 one relay mid-traffic: every acknowledged update is served by the others and by a fresh relay', async () => {
      const store = await postgres.createDatabase();
      const [victim, survivor] = await Promise.all([startNode('k1', store), startNode('k2', store)]);
      const writers = await Promise.all([join(victim, 'busy'), join(victim, 'busy'), join(survivor, 'busy')]);
      const watcher = await join(survivor, 'busy');
      let stop = false;
      const traffic = writers.map(async (writer, index) => {
        for (let edit = 0; !stop && edit < 2_000; edit++) {
          // After the kill, updates to the dead relay time out or fail: those were never acknowledged.
          const answer = await writer.set(`w${index}-${edit}`, edit, 2_000).catch(() => undefined);
          if (!answer) return;
        }
      });
      await waitFor(
        () => writers[0]!.acked.length >= 30 && writers[1]!.acked.length >= 30,
        'traffic on the victim',
        20_000,
      );
      victim.child.kill('SIGKILL');
      await victim.exited;
      await sleep(300);
      stop = true;
      await Promise.all(traffic);

      const acked = writers.flatMap((writer) => writer.acked);
      expect(acked.length).toBeGreaterThan(60);
      await waitFor(
        () => acked.every((key) => watcher.keys.includes(key)),
        'the surviving relay to serve every acknowledged update',
        15_000,
      );
      const fresh = await startNode('k3', store);
      const late = await join(fresh, 'busy');
      const missing = acked.filter((key) => !late.keys.includes(key));
      expect(missing).toEqual([]);
    });

    it('Redis restarted mid-session: relays keep serving and converge once it is back', async () => {
      const store = await postgres.createDatabase();
      const [r1, r2] = await Promise.all([startNode('r1', store), startNode('r2', store)]);
      const [left, right] = [await join(r1, 'outage'), await join(r2, 'outage')];
      expect((await left.set('before')).ok).toBe(true);
      await waitFor(() => right.keys.includes('before'), 'the first edit to cross', 10_000);

      await redis.kill();
      // Stored in PostgreSQL and acknowledged while the relays cannot reach each other.
      expect((await left.set('during-left')).ok).toBe(true);
      expect((await right.set('during-right')).ok).toBe(true);
      const down = await healthBecomes(r1, 503);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ok: false, redis: { ok: false }, store: { ok: true } });

      await redis.start();
      await waitFor(() => left.keys.length === 3 && right.keys.length === 3, 'both sides to catch up', 20_000);
      expect((await right.set('after')).ok).toBe(true);
      await waitFor(() => left.keys.includes('after'), 'fan-out to work again', 10_000);
      expect((await healthBecomes(r2, 200)).status).toBe(200);
      expect(left.keys).toEqual(['after', 'before', 'during-left', 'during-right']);
    });

    it('PostgreSQL briefly down: updates are refused UNAVAILABLE, never acknowledged, and it recovers', async () => {
      const store = await postgres.createDatabase();
      const relay = await startNode('d1', store);
      const client = await join(relay, 'fragile');
      expect((await client.set('committed')).ok).toBe(true);

      await postgres.stop();
      try {
        const refused = await client.set('refused');
        expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
        const report = await healthBecomes(relay, 503);
        expect(report.status).toBe(503);
        expect(report.body).toMatchObject({ ok: false, store: { kind: 'postgres', ok: false } });
      } finally {
        await postgres.start();
      }
      // The client rejoins and resends what the relay lacks, as after any UNAVAILABLE.
      let answer = await client.resync();
      for (let tries = 0; !answer.ok && tries < 30; tries++) {
        await sleep(300);
        answer = await client.resync();
      }
      expect(answer.ok).toBe(true);
      const fresh = await join(relay, 'fragile');
      expect(fresh.keys).toEqual(['committed', 'refused']);
    });
  },
);

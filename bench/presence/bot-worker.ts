import { parentPort, workerData } from 'node:worker_threads';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { EVENTS, joinAckSchema, PROTOCOL_VERSION } from '../../shared/protocol';
import { LeanSocket } from '../relay/lean-socket';
import { botPresence } from './bot-presence';
import type { BotsCommand, BotsConfig, BotsReport } from './bots';

/**
 * Worker-thread entry: headless people on one board, each a lean protocol
 * client (bench/relay/lean-socket.ts, which skips the presence it receives
 * cheaply) with its own y-protocols Awareness, publishing a moving cursor.
 */
const CONNECT_TIMEOUT_MS = 15_000;
const port = parentPort!;
const config = workerData as BotsConfig;
const report = (message: BotsReport) => port.postMessage(message);

interface Bot {
  index: number;
  socket: LeanSocket;
  awareness: Awareness;
}

/**
 * People whose connection ended while the run went on (the relay, or this
 * thread, fell too far behind to keep the heartbeat): they send nothing
 * more, and the report says how many there were.
 */
const disconnected = new Set<number>();
let joined = false;

const bots: Bot[] = [];
const timers: ReturnType<typeof setTimeout>[] = [];
let sent = 0;
let runningSince = 0;
let stopping = false;

async function join(index: number): Promise<Bot> {
  const handlers = {
    update: () => undefined, // nobody edits the board during the bench
    closed: (reason: string) => {
      disconnected.add(index);
      if (!joined) report({ type: 'failed', message: `headless ${index} disconnected while joining: ${reason}` });
      else if (!stopping) console.error(`[bench:presence] headless ${index} disconnected: ${reason}`);
    },
  };
  const socket = await LeanSocket.connect(
    config.url,
    { v: PROTOCOL_VERSION, name: `Headless ${index}` },
    handlers,
    CONNECT_TIMEOUT_MS,
  );
  const doc = new Y.Doc();
  const ack = joinAckSchema.safeParse(
    await socket.request(
      EVENTS.join,
      { boardId: config.boardId, stateVector: Y.encodeStateVector(doc) },
      CONNECT_TIMEOUT_MS,
    ),
  );
  if (!ack.success || !ack.data.ok) throw new Error(`headless ${index}: join refused or malformed`);
  return { index, socket, awareness: new Awareness(doc) };
}

function publish(bot: Bot): void {
  if (disconnected.has(bot.index)) return;
  bot.awareness.setLocalState(botPresence(bot.index, Date.now()));
  const update = encodeAwarenessUpdate(bot.awareness, [bot.awareness.clientID]);
  bot.socket.emit(EVENTS.awareness, { boardId: config.boardId, update });
  sent++;
}

/** One timer per person, their phases spread over the period, as people's mice are. */
function run(): void {
  runningSince = performance.now();
  const periodMs = 1000 / config.rateHz;
  for (const [i, bot] of bots.entries()) {
    timers.push(
      setTimeout(
        () => {
          publish(bot);
          timers.push(setInterval(() => publish(bot), periodMs));
        },
        (i * periodMs) / bots.length,
      ),
    );
  }
}

function stop(): void {
  stopping = true;
  for (const timer of timers) clearInterval(timer);
  for (const bot of bots) {
    bot.socket.close();
    bot.awareness.destroy();
  }
}

port.on('message', (command: BotsCommand) => {
  if (command.type === 'run') {
    run();
    report({ type: 'running' });
  } else {
    stop();
    const seconds = (performance.now() - runningSince) / 1000;
    report({ type: 'stopped', perSecond: sent / seconds, disconnected: disconnected.size });
  }
});

Promise.all(Array.from({ length: config.count }, (_, index) => join(index))).then(
  (people) => {
    bots.push(...people);
    joined = true;
    report({ type: 'joined' });
  },
  (error: unknown) => report({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);

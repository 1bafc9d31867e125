import type { GroupResult, RunPlan } from './client-group';
import { Column, summarize, type Summary } from './stats';

/** What the clients measured, folded over every thread. */
export interface Measurements {
  /** Sends whose send time is inside the measured window. */
  sent: number;
  /** sent × (clients − 1): the relay forwards each update to everyone but its sender. */
  expected: number;
  /** Distinct (receiver, update) deliveries of window sends. */
  delivered: number;
  lost: number;
  /** Receipts of an update already delivered to that client, or echoed to its sender. */
  duplicates: number;
  echoes: number;
  /** Receipts that name no update any client sent. */
  unknown: number;
  deliveryMs: Summary;
  /** With clients spread over several relays: deliveries whose receiver is on another relay than the sender. */
  crossNodeDeliveryMs?: Summary;
  ackMs: Summary;
  acksMissing: number;
  /** How late sends went out against their schedule (load-generator health). */
  sendLagMs: Summary;
}

/** `nodes`: client i is on relay i mod nodes (1: one relay). */
export function analyze(results: GroupResult[], plan: RunPlan, clients: number, nodes = 1): Measurements {
  const inWindow = (ms: number) => ms >= plan.windowStartMs && ms < plan.windowEndMs;
  // Every send by key, window or not, so a late receipt of a warm-up send is not "unknown".
  const sends = new Map<number, { sendMs: number; client: number; receivers: Uint8Array | null }>();
  const ack = new Column();
  const lag = new Column();
  let sent = 0;
  let acksMissing = 0;
  for (const result of results) {
    for (let i = 0; i < result.sendKeys.length; i++) {
      const sendMs = result.sendMs[i]!;
      const measured = inWindow(sendMs);
      sends.set(result.sendKeys[i]!, {
        sendMs,
        client: result.sendClients[i]!,
        receivers: measured ? new Uint8Array(clients) : null,
      });
      if (!measured) continue;
      sent += 1;
      lag.push(result.lagMs[i]!);
      const ackMs = result.ackMs[i]!;
      if (Number.isNaN(ackMs)) acksMissing += 1;
      else ack.push(ackMs - sendMs);
    }
  }

  const delivery = new Column(sent * Math.max(1, clients - 1));
  const crossNode = new Column();
  let duplicates = 0;
  let echoes = 0;
  let unknown = 0;
  for (const result of results) {
    for (let i = 0; i < result.recvKeys.length; i++) {
      const send = sends.get(result.recvKeys[i]!);
      if (!send) {
        unknown += 1;
        continue;
      }
      const receiver = result.recvClients[i]!;
      if (receiver === send.client) echoes += 1;
      if (!send.receivers) continue;
      if (receiver === send.client) continue;
      if (send.receivers[receiver]) {
        duplicates += 1;
        continue;
      }
      send.receivers[receiver] = 1;
      delivery.push(result.recvMs[i]! - send.sendMs);
      if (nodes > 1 && receiver % nodes !== send.client % nodes) crossNode.push(result.recvMs[i]! - send.sendMs);
    }
  }
  const expected = sent * (clients - 1);
  return {
    sent,
    expected,
    delivered: delivery.length,
    lost: expected - delivery.length,
    duplicates,
    echoes,
    unknown,
    deliveryMs: summarize(delivery.toArray()),
    ...(nodes > 1 ? { crossNodeDeliveryMs: summarize(crossNode.toArray()) } : {}),
    ackMs: summarize(ack.toArray()),
    acksMissing,
    sendLagMs: summarize(lag.toArray()),
  };
}

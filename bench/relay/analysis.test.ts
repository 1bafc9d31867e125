import { describe, expect, it } from 'vitest';
import { analyze } from './analysis';
import type { GroupResult, RunPlan } from './client-group';
import { MAX_CLOCK } from './update-id';

const plan: RunPlan = { startMs: 0, periodMs: 50, stopMs: 1_000, windowStartMs: 0, windowEndMs: 1_000 };

/** One group: client 0 sends one edit at 10 ms; clients 1 and 2 receive it at `receiptsMs`. */
function oneSend(receiptsMs: [number, number]): GroupResult {
  const key = 7 * MAX_CLOCK + 0;
  const column = (values: number[]) => Float64Array.from(values);
  return {
    sendKeys: column([key]),
    sendClients: column([0]),
    sendMs: column([10]),
    ackMs: column([12]),
    lagMs: column([0]),
    recvKeys: column([key, key]),
    recvClients: column([1, 2]),
    recvMs: column(receiptsMs),
    threadCpuPercent: NaN,
    eventLoopUtilization: NaN,
  };
}

describe('analyze', () => {
  it('counts every delivery to the other clients', () => {
    const measured = analyze([oneSend([15, 40])], plan, 3);
    expect(measured).toMatchObject({ sent: 1, expected: 2, delivered: 2, lost: 0 });
    expect(measured.deliveryMs.max).toBe(30);
    expect(measured.crossNodeDeliveryMs).toBeUndefined();
  });

  it('with clients spread over relays, keeps the deliveries that crossed to another relay apart', () => {
    // Two relays: clients 0 and 2 on relay 0, client 1 on relay 1.
    const measured = analyze([oneSend([40, 15])], plan, 3, 2);
    expect(measured.crossNodeDeliveryMs).toMatchObject({ count: 1, max: 30 });
    expect(measured.deliveryMs.count).toBe(2);
  });
});

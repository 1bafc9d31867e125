import { describe, expect, it } from 'vitest';
import { QuitSequence, type QuitStep } from './quit-sequence';

/** A timer the test fires by hand, so nothing here depends on how fast the machine is. */
function manualTimer() {
  const timer: { started: number[]; cancelled: number; fire: () => void } = {
    started: [],
    cancelled: 0,
    fire: () => undefined,
  };
  return {
    timer,
    startTimer: (onTimeout: () => void, ms: number) => {
      timer.started.push(ms);
      timer.fire = onTimeout;
      return () => void (timer.cancelled += 1);
    },
  };
}

const never = () => new Promise<never>(() => undefined);

describe('QuitSequence', () => {
  it('runs the steps in order, once, starting the first synchronously', async () => {
    const ran: string[] = [];
    const step = (name: string): QuitStep => ({
      name,
      run: async () => {
        ran.push(name);
        await Promise.resolve();
      },
    });
    const { timer, startTimer } = manualTimer();
    const quit = new QuitSequence([step('window-state'), step('relay'), step('logs')], {
      timeoutMs: 5_000,
      startTimer,
    });
    const first = quit.run('session-end');
    // The OS may not wait for a session-end handler: the first step ran before run() returned.
    expect(ran).toEqual(['window-state']);
    expect(quit.finished).toBe(false);
    const second = quit.run('quit');
    expect(second).toBe(first);
    await expect(first).resolves.toEqual({ reason: 'session-end', failed: [], timedOut: false });
    expect(ran).toEqual(['window-state', 'relay', 'logs']);
    expect(quit.finished).toBe(true);
    expect(timer).toMatchObject({ started: [5_000], cancelled: 1 });
  });

  it('logs a failing step and goes on with the rest', async () => {
    const ran: string[] = [];
    const events: string[] = [];
    const quit = new QuitSequence(
      [
        {
          name: 'announcement',
          run: () => {
            throw new Error('socket closed');
          },
        },
        { name: 'relay', run: () => Promise.reject(new Error('child gone')) },
        { name: 'logs', run: () => void ran.push('logs') },
      ],
      { timeoutMs: 5_000, startTimer: manualTimer().startTimer, log: (event) => events.push(event) },
    );
    await expect(quit.run('quit')).resolves.toEqual({
      reason: 'quit',
      failed: ['announcement', 'relay'],
      timedOut: false,
    });
    expect(ran).toEqual(['logs']);
    expect(events).toEqual(['quit-started', 'quit-step-failed', 'quit-step-failed']);
  });

  it('gives up at the limit when a step hangs, so the app can exit anyway', async () => {
    const events: { event: string; details: Record<string, unknown> }[] = [];
    const { timer, startTimer } = manualTimer();
    const quit = new QuitSequence(
      [
        { name: 'relay', run: never },
        { name: 'logs', run: () => undefined },
      ],
      { timeoutMs: 5_000, startTimer, log: (event, details) => events.push({ event, details }) },
    );
    const outcome = quit.run('quit');
    await Promise.resolve();
    expect(quit.finished).toBe(false);
    timer.fire();
    await expect(outcome).resolves.toEqual({ reason: 'quit', failed: [], timedOut: true });
    expect(quit.finished).toBe(true);
    expect(events.at(-1)).toEqual({
      event: 'quit-timed-out',
      details: { reason: 'quit', timeoutMs: 5_000, failed: [] },
    });
  });

  it('is bounded by a real timer too', async () => {
    const quit = new QuitSequence([{ name: 'relay', run: never }], { timeoutMs: 20 });
    await expect(quit.run('shutdown')).resolves.toMatchObject({ timedOut: true });
  });
});

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/**
 * Two Linux network namespaces joined by a veth pair, and nothing else: what
 * one sends by multicast reaches the other and never leaves this machine.
 * Needs root and iproute2; createNetnsPair says why when it cannot.
 */
export interface NetnsPair {
  readonly names: readonly [string, string];
  readonly addresses: readonly [string, string];
  /** Runs a command inside namespace 0 or 1. */
  spawnIn(index: 0 | 1, command: string, args: readonly string[]): ChildProcess;
  remove(): void;
}

export type NetnsResult = { ok: true; pair: NetnsPair } | { ok: false; reason: string };

const ip = (args: string[]) => spawnSync('ip', args, { encoding: 'utf8', timeout: 10_000 });

export function createNetnsPair(tag: string): NetnsResult {
  if (process.platform !== 'linux')
    return { ok: false, reason: `network namespaces are Linux only (${process.platform})` };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'creating network namespaces needs root' };
  const probe = ip(['-V']);
  if (probe.error || probe.status !== 0) return { ok: false, reason: 'the ip command (iproute2) is not available' };

  const id = `${tag}${process.pid % 100_000}`;
  const names = [`easel-${id}-a`, `easel-${id}-b`] as const;
  const links = [`ea${id}`.slice(0, 15), `eb${id}`.slice(0, 15)] as const;
  const addresses = ['10.213.77.1', '10.213.77.2'] as const;
  const remove = () => {
    for (const name of names) ip(['netns', 'del', name]);
  };
  remove();
  const steps: string[][] = [
    ['netns', 'add', names[0]],
    ['netns', 'add', names[1]],
    ['link', 'add', links[0], 'type', 'veth', 'peer', 'name', links[1]],
    ['link', 'set', links[0], 'netns', names[0]],
    ['link', 'set', links[1], 'netns', names[1]],
  ];
  for (const index of [0, 1] as const) {
    steps.push(
      ['-n', names[index], 'addr', 'add', `${addresses[index]}/24`, 'dev', links[index]],
      ['-n', names[index], 'link', 'set', 'lo', 'up'],
      ['-n', names[index], 'link', 'set', links[index], 'up', 'multicast', 'on'],
      ['-n', names[index], 'route', 'add', '224.0.0.0/4', 'dev', links[index]],
    );
  }
  for (const step of steps) {
    const result = ip(step);
    if (result.error || result.status !== 0) {
      remove();
      ip(['link', 'del', links[0]]);
      return { ok: false, reason: `ip ${step.join(' ')} failed: ${(result.stderr || String(result.error)).trim()}` };
    }
  }
  return {
    ok: true,
    pair: {
      names,
      addresses,
      spawnIn: (index, command, args) =>
        spawn('ip', ['netns', 'exec', names[index], command, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }),
      remove,
    },
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`, e.g. the relay under
 * `BENCH_RELAY_CPU_PROF=DIR npm run bench:relay`): where the time went by
 * package, the top functions by self time, and the inclusive time of the
 * functions that matter (every function on a sampled stack counts once).
 *
 *   npx tsx bench/relay/profile-summary.ts FILE.cpuprofile [--top 25] [--from-ms 3000] [--to-ms 12000]
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const repoRoot = `${path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')}/`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: true,
  options: { top: { type: 'string' }, 'from-ms': { type: 'string' }, 'to-ms': { type: 'string' } },
});
if (positionals.length !== 1) {
  process.stderr.write(
    'usage: tsx bench/relay/profile-summary.ts FILE.cpuprofile [--top N] [--from-ms MS] [--to-ms MS]\n',
  );
  process.exit(2);
}
const top = Number(values.top ?? 25);
const fromUs = Number(values['from-ms'] ?? 0) * 1000;
const toUs = values['to-ms'] === undefined ? Infinity : Number(values['to-ms']) * 1000;
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const packages = new Map<string, number>();
let total = 0;
let elapsedUs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  elapsedUs += profile.timeDeltas[i]!;
  // A sample's delta is the time since the previous one: charge it to this sample.
  const delta = profile.timeDeltas[i + 1] ?? 0;
  if (elapsedUs < fromUs || elapsedUs > toUs) continue;
  const leaf = byId.get(profile.samples[i]!)!;
  total += delta;
  add(self, label(leaf.callFrame), delta);
  add(packages, packageOf(leaf.callFrame), delta);
  const seen = new Set<string>();
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const key = label(byId.get(id)!.callFrame);
    if (!seen.has(key)) add(inclusive, key, delta);
    seen.add(key);
  }
}

const busy = total - (packages.get('(idle)') ?? 0);
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const share = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
const print = (title: string, map: Map<string, number>, count: number) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${ms(us)} ms ${share(us)}  ${key}\n`);
  }
};
process.stdout.write(
  `profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, summarised ${(total / 1e6).toFixed(1)} s, ` +
    `busy (not idle) ${(busy / 1e6).toFixed(1)} s\n`,
);
print('self time by package', packages, 20);
print(`top ${top} functions by self time`, self, top);
print(`top ${top * 2} functions by inclusive time`, inclusive, top * 2);

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function label({ functionName, url, lineNumber }: CallFrame): string {
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'}  ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const repo = url.indexOf(repoRoot);
  return repo >= 0 ? url.slice(repo + repoRoot.length) : url;
}

function packageOf({ functionName, url }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const repo = url.indexOf(repoRoot);
  return repo >= 0
    ? url
        .slice(repo + repoRoot.length)
        .split('/')
        .slice(0, 2)
        .join('/')
    : url;
}

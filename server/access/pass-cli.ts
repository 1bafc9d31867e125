/**
 * `npm run relay -- pass create|list|revoke` (pass-cli-options.ts has the
 * flags). Two ways to reach the passes, never both at once:
 *
 * - No relay holds the data dir: take its lock (as a relay would, so none can
 *   start meanwhile), change `access/passes.json` directly, let go.
 * - A relay holds it (the data-dir lock says so): writing its files behind its
 *   back would be undone by its next write, and it would not cut anyone off,
 *   so go through its host API, at the address it recorded
 *   (relay-address.ts), with its host token. `--url` picks a relay explicitly.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type CreatedPass, createdPassSchema, type Pass, passListSchema } from '../../shared/access';
import { silentLogger } from '../core/types';
import { DataDirInUseError } from '../storage/data-dir-lock';
import { errorMessage } from '../storage/fs-durable';
import { FileBoardStore } from '../storage/file-store';
import { ACCESS_DIR } from './access-control';
import { PassStore } from './pass-store';
import { type PassCliOptions, type PassCommand } from './pass-cli-options';
import { readRelayAddress } from './relay-address';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Why a command could not be done, in a sentence for the person at the terminal (exit 1). */
class PassCliError extends Error {}

type Outcome =
  { kind: 'created'; pass: CreatedPass } | { kind: 'listed'; passes: Pass[] } | { kind: 'revoked'; passId: string };

/** Runs one pass command; resolves with the exit code. */
export async function runPassCli(options: PassCliOptions, output: CliOutput): Promise<number> {
  try {
    const { outcome, relayUrl } =
      options.url !== undefined
        ? { outcome: await throughApi(options.url, options.hostToken ?? '', options.command), relayUrl: options.url }
        : await onDataDir(options);
    report(outcome, options, relayUrl, output);
    return 0;
  } catch (error) {
    output.err(`easel relay pass: ${error instanceof PassCliError ? error.message : errorMessage(error)}\n`);
    return 1;
  }
}

async function onDataDir(options: PassCliOptions): Promise<{ outcome: Outcome; relayUrl: string | undefined }> {
  const dataDir = path.resolve(options.dataDir);
  const stat = await fs.stat(dataDir).catch(() => null);
  if (!stat?.isDirectory()) throw new PassCliError(`there is no data dir at ${dataDir} (--data-dir)`);
  let store: FileBoardStore;
  try {
    store = await FileBoardStore.create(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    return { outcome: await throughRunningRelay(dataDir, options), relayUrl: undefined };
  }
  try {
    return { outcome: await onFiles(store, path.join(dataDir, ACCESS_DIR), options.command), relayUrl: undefined };
  } finally {
    await store.close();
  }
}

async function throughRunningRelay(dataDir: string, options: PassCliOptions): Promise<Outcome> {
  const address = await readRelayAddress(dataDir);
  if (!address) throw new PassCliError(`a relay holds ${dataDir} but has not said where it listens; try again`);
  if (!address.hostApi) {
    throw new PassCliError(
      `the relay at ${address.url} (pid ${address.pid}) holds ${dataDir} and runs without a host API ` +
        '(it was started without --host-token). Stop it to change its passes here, or restart it with ' +
        '--host-token and give the same one to this command.',
    );
  }
  if (options.hostToken === undefined) {
    throw new PassCliError(
      `the relay at ${address.url} (pid ${address.pid}) holds ${dataDir}, so its passes change through its API: ` +
        'give its host token with --host-token or RELAY_HOST_TOKEN.',
    );
  }
  return throughApi(address.url, options.hostToken, options.command);
}

async function onFiles(store: FileBoardStore, accessDir: string, command: PassCommand): Promise<Outcome> {
  const passes = await PassStore.open(accessDir, silentLogger);
  switch (command.kind) {
    case 'create':
      if (!(await store.exists(command.boardId))) throw new PassCliError(`there is no board ${command.boardId}`);
      return { kind: 'created', pass: await passes.create(command.boardId, command.request) };
    case 'list':
      return { kind: 'listed', passes: passes.list(command.boardId) };
    case 'revoke':
      if (!(await passes.revoke(command.passId))) throw new PassCliError(`there is no pass ${command.passId}`);
      return { kind: 'revoked', passId: command.passId };
  }
}

async function throughApi(url: string, hostToken: string, command: PassCommand): Promise<Outcome> {
  const call = async (route: string, init: RequestInit = {}) => {
    let response: Response;
    try {
      response = await fetch(`${url}${route}`, {
        ...init,
        headers: { authorization: `Bearer ${hostToken}`, ...(init.headers as object) },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new PassCliError(`could not reach the relay at ${url}: ${errorMessage(error)}`);
    }
    if (response.ok) return response;
    const why = await response.json().then(
      (body: unknown) => (body as { error?: unknown }).error,
      () => undefined,
    );
    const problem = typeof why === 'string' ? why.slice(0, 300) : `HTTP ${response.status}`;
    if (response.status === 401) throw new PassCliError(`the relay at ${url} refused the host token (${problem})`);
    if (response.status === 404 && why === 'not found') {
      throw new PassCliError(`the relay at ${url} has no host API (start it with --host-token)`);
    }
    throw new PassCliError(problem);
  };
  switch (command.kind) {
    case 'create': {
      const response = await call(`/api/boards/${command.boardId}/passes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(command.request),
      });
      return { kind: 'created', pass: createdPassSchema.parse(await response.json()) };
    }
    case 'list': {
      const response = await call(`/api/boards/${command.boardId}/passes`);
      return { kind: 'listed', passes: passListSchema.parse(await response.json()).passes };
    }
    case 'revoke':
      await call(`/api/passes/${command.passId}`, { method: 'DELETE' });
      return { kind: 'revoked', passId: command.passId };
  }
}

function report(outcome: Outcome, options: PassCliOptions, relayUrl: string | undefined, output: CliOutput): void {
  if (options.json) {
    const value =
      outcome.kind === 'created'
        ? outcome.pass
        : outcome.kind === 'listed'
          ? { passes: outcome.passes }
          : { revoked: outcome.passId };
    output.out(`${JSON.stringify(value)}\n`);
    return;
  }
  switch (outcome.kind) {
    case 'created': {
      const { pass } = outcome;
      const linkPath = `/b/${pass.boardId}?t=${pass.token}`;
      output.out(
        [
          `pass ${pass.id}: ${pass.role} of board ${pass.boardId}${pass.label ? ` (${pass.label})` : ''}, ${expiry(pass)}`,
          `token: ${pass.token}`,
          relayUrl !== undefined ? `link:  ${relayUrl}${linkPath}` : `link:  <the relay's address>${linkPath}`,
          'The token is shown this once: the relay keeps only its hash.',
          '',
        ].join('\n'),
      );
      return;
    }
    case 'listed':
      if (outcome.passes.length === 0) return output.out('no passes\n');
      output.out(
        `${outcome.passes
          .map((pass) => `${pass.id}  ${pass.role.padEnd(6)}  ${expiry(pass)}  ${pass.label}`.trimEnd())
          .join('\n')}\n`,
      );
      return;
    case 'revoked':
      output.out(`pass ${outcome.passId} revoked\n`);
  }
}

function expiry(pass: Pass): string {
  return pass.expiresAt === null ? 'no expiry' : `expires ${pass.expiresAt}`;
}

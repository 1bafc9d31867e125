import { freePort } from '../../support/free-port';
import { type RelayProcess, startRelayProcess } from '../../support/relay-process';
import { tempDir } from '../../support/temp-dir';

export const OTHER_RELAY_TOKEN = 'secret';

export interface OtherRelay {
  readonly relay: RelayProcess;
  close(): Promise<void>;
}

/** Someone else's relay: a real relay process on 127.0.0.1 that wants a token and trusts the app's page origin. */
export async function startOtherRelay(pageOrigin: string, token = OTHER_RELAY_TOKEN): Promise<OtherRelay> {
  const dir = await tempDir('easel-join-e2e-');
  const relay = await startRelayProcess([
    ...['--port', String(await freePort()), '--data-dir', dir.path],
    ...['--token', token, '--allow-origin', pageOrigin],
  ]);
  return {
    relay,
    close: async () => {
      await relay.stop();
      await dir.remove();
    },
  };
}

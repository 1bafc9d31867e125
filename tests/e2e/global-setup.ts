import { buildWebClient } from '../support/browser';

/** The specs test the browser client as the relay serves it, so build it first (a few seconds). */
export default async function globalSetup(): Promise<void> {
  await buildWebClient();
}

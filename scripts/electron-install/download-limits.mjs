// Loaded with `node --import` into Electron's own installer (node_modules/electron/install.js),
// which downloads with the built-in fetch and no time limit of its own. Through undici's global
// dispatcher (the one fetch uses) this gives every request a connect, answer and stall limit and
// routes it through the proxy the user configured; through undici's diagnostics channels it
// reports why a request failed, which the installer's own message ("fetch failed") leaves out.
// Settings come as JSON in EASEL_ELECTRON_DOWNLOAD (see download-settings in install-plan.ts).
import diagnostics from 'node:diagnostics_channel';
import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';

const settings = JSON.parse(process.env.EASEL_ELECTRON_DOWNLOAD ?? '{}');
setGlobalDispatcher(
  new EnvHttpProxyAgent({
    ...(settings.httpProxy && { httpProxy: settings.httpProxy }),
    ...(settings.httpsProxy && { httpsProxy: settings.httpsProxy }),
    ...(settings.noProxy && { noProxy: settings.noProxy }),
    connect: { timeout: settings.connectTimeoutMs },
    headersTimeout: settings.answerTimeoutMs,
    bodyTimeout: settings.stallTimeoutMs,
  }),
);

const report = (host, error) =>
  process.stderr.write(
    `${settings.reportPrefix} ${JSON.stringify({ host, code: error?.code ?? error?.name, message: String(error?.message ?? error) })}\n`,
  );
diagnostics.subscribe('undici:client:connectError', ({ connectParams, error }) =>
  report(connectParams?.hostname, error),
);
diagnostics.subscribe('undici:request:error', ({ request, error }) => report(request?.origin, error));

// Loaded with `node --import` into Electron's own installer (node_modules/electron/install.js),
// which downloads with the built-in fetch and no time limit of its own. It gives every request
// a limit until the server answers (whatever the route: directly, or through a proxy whose
// CONNECT is never answered) and, through undici's global dispatcher (the one fetch uses), a
// connect and stall limit and the proxy the user configured. Through undici's diagnostics
// channels it reports why a request failed, which the installer's own message ("fetch failed")
// leaves out. Settings come as JSON in EASEL_ELECTRON_DOWNLOAD (downloadSettings in install-plan.ts).
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

const report = (host, code, message) =>
  process.stderr.write(`${settings.reportPrefix} ${JSON.stringify({ host, code, message: String(message) })}\n`);
diagnostics.subscribe('undici:client:connectError', ({ connectParams, error }) =>
  report(connectParams?.hostname, error?.code ?? error?.name, error?.message ?? error),
);
diagnostics.subscribe('undici:request:error', ({ request, error }) =>
  report(request?.origin, error?.code ?? error?.name, error?.message ?? error),
);

// The dispatcher's answer limit does not cover a proxy's CONNECT (undici gives that its own
// five-minute default), so the time until the response arrives is also limited here. A second
// later than the dispatcher's, so that where both apply the dispatcher's more precise error wins.
const builtinFetch = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const answer = new AbortController();
  const timer = setTimeout(() => {
    report(url.origin, 'EASEL_NO_ANSWER', `no answer within ${settings.answerTimeoutMs} ms`);
    answer.abort(new Error(`no answer from ${url.origin} within ${settings.answerTimeoutMs} ms`));
  }, settings.answerTimeoutMs + 1000);
  const signal = init.signal ? AbortSignal.any([init.signal, answer.signal]) : answer.signal;
  try {
    return await builtinFetch(input, { ...init, signal });
  } finally {
    clearTimeout(timer);
  }
};

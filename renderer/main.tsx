import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accessTokenFrom } from './app/access-token';
import { App } from './app/App';
import { displayNameFrom } from './app/display-name';
import { relayUrlFor } from './app/relay-url';
import { createCanvasTextMeasurer } from './canvas/text-measurer';
import { desktopApi } from './desktop/desktop-api';
import { registerServiceWorker } from './local/service-worker';
import { setTextMeasurer } from './shapes';
import { pageThemeStore } from './theme/apply-theme';

// Before the first render: every text box and note layout measures with it.
setTextMeasurer(createCanvasTextMeasurer());
// Before the first render too, so a dark page never flashes light.
pageThemeStore();

async function start(): Promise<void> {
  const relayUrl = relayUrlFor(window.location);
  const api = desktopApi();
  // The desktop app's own start-up is a chunk a browser never downloads.
  const desktop = api ? await import('./desktop/start-desktop') : null;
  // Before the first render, so no board connects to an address the relay already left.
  desktop?.startFollowingRelay(relayUrl, api);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App
        relayUrl={relayUrl}
        displayName={displayNameFrom(window.location.search)}
        token={accessTokenFrom(window.location.search)}
      />
      {desktop && <desktop.AppNotices />}
    </StrictMode>,
  );
  registerServiceWorker();
  desktop?.startLaunchRouting();
}

void start();

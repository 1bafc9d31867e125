import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accessTokenFrom } from './app/access-token';
import { App } from './app/App';
import { displayNameFrom } from './app/display-name';
import { relayUrlFor } from './app/relay-url';
import { createCanvasTextMeasurer } from './canvas/text-measurer';
import { AppNotices } from './desktop/launch/AppNotices';
import { desktopApi } from './desktop/desktop-api';
import { startLaunchRouting } from './desktop/launch/start-launch-routing';
import { startFollowingRelay } from './desktop/relay/embedded-relay';
import { registerServiceWorker } from './local/service-worker';
import { setTextMeasurer } from './shapes';
import { pageThemeStore } from './theme/apply-theme';

// Before the first render: every text box and note layout measures with it.
setTextMeasurer(createCanvasTextMeasurer());
// Before the first render too, so a dark page never flashes light.
pageThemeStore();

const relayUrl = relayUrlFor(window.location);
// Before the first render, so no board connects to an address the relay already left.
startFollowingRelay(relayUrl, desktopApi());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App
      relayUrl={relayUrl}
      displayName={displayNameFrom(window.location.search)}
      token={accessTokenFrom(window.location.search)}
    />
    <AppNotices />
  </StrictMode>,
);
registerServiceWorker();
startLaunchRouting();

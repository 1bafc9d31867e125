import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accessTokenFrom } from './app/access-token';
import { App } from './app/App';
import { displayNameFrom } from './app/display-name';
import { relayUrlFor } from './app/relay-url';
import { registerServiceWorker } from './local/service-worker';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App
      relayUrl={relayUrlFor(window.location)}
      displayName={displayNameFrom(window.location.search)}
      token={accessTokenFrom(window.location.search)}
    />
  </StrictMode>,
);
registerServiceWorker();

/**
 * Where this window's boards connect, in the desktop app: the embedded relay
 * moves (sharing restarts it on another port; a crash restarts it), and the
 * main process says so through `relay.onChange`. Subscribing tells it that
 * this page follows by itself, so it is not reloaded. Only a page on the
 * embedded relay follows; one on a joined relay stays where it is. The
 * address bar's `?relay=` follows too, so a reload lands on the same relay.
 */
import { useSyncExternalStore } from 'react';
import type { EaselDesktopApi } from '../../../shared/desktop/api';
import type { RelayInfo } from '../../../shared/desktop/schemas';

export interface RelayView {
  /** Where boards connect now. */
  url: string;
  /** The embedded relay's state while this page is on it; null on any other relay. */
  state: RelayInfo['state'] | null;
  error?: string;
}

export interface RelayFollower {
  current(): RelayView;
  subscribe(listener: () => void): () => void;
}

export function followEmbeddedRelay(
  initialUrl: string,
  api: Pick<EaselDesktopApi, 'relay'>,
  onMoved: (url: string) => void = () => undefined,
): RelayFollower {
  let view: RelayView = { url: initialUrl, state: null };
  /** The embedded relay's last running address: a page there follows its moves. */
  let embeddedUrl: string | null = null;
  const listeners = new Set<() => void>();
  const set = (next: RelayView) => {
    view = next;
    for (const listener of listeners) listener();
  };
  const apply = (info: RelayInfo) => {
    const onEmbedded = embeddedUrl === null ? view.url === info.url : view.url === embeddedUrl;
    if (!onEmbedded) return;
    if (info.state === 'running' && info.url !== null) embeddedUrl = info.url;
    const url = info.state === 'running' && info.url !== null ? info.url : view.url;
    if (url !== view.url) onMoved(url);
    set({ url, state: info.state, ...(info.error !== undefined && { error: info.error }) });
  };
  api.relay.onChange(apply);
  void api.relay.info().then((result) => {
    if (result.ok && embeddedUrl === null) apply(result.value);
  });
  return {
    current: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The follower of this page (made once in main.tsx), or null in a browser tab. */
let follower: RelayFollower | null = null;

export function startFollowingRelay(initialUrl: string, api: EaselDesktopApi | null): void {
  if (!api || follower) return;
  follower = followEmbeddedRelay(initialUrl, api, (url) => {
    const address = new URL(window.location.href);
    address.searchParams.set('relay', url);
    window.history.replaceState(window.history.state, '', address);
  });
}

const noSubscription = () => () => undefined;

/** Where boards connect: the embedded relay's current address when following it, else `relayUrl`. */
export function useRelay(relayUrl: string): RelayView {
  const view = useSyncExternalStore(follower?.subscribe ?? noSubscription, () => follower?.current() ?? null);
  return view ?? { url: relayUrl, state: null };
}

import { type FormEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EaselDesktopApi, JoinTargetPayload } from '../../../shared/desktop';
import { NAVIGATE_EVENT } from '../../routing/navigation';
import { DESKTOP_CSS } from '../desktop-styles';
import { DiscoveredSessions } from './DiscoveredSessions';
import { JoinLinkConfirm } from './JoinLinkConfirm';
import { linkFieldText, ownBoardsHref } from './join-model';
import { checkJoinTarget, joinRequestFrom } from './join-request';
import { RecentJoins } from './RecentJoins';
import { type JoinPhase, useJoin } from './use-join';

function subscribeToHistory(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The id of the join request in `history.state` (requestJoin), or '' for a plain visit. */
function useJoinRequestId(): string {
  return useSyncExternalStore(subscribeToHistory, () => joinRequestFrom(window.history.state)?.id ?? '');
}

/**
 * "Join a session": a pasted link or address (with a token field), the
 * sessions announced on the LAN, and the ones joined lately. Joining loads
 * the app again on the other relay; "Back to my boards" returns to this
 * machine's own relay.
 */
export function JoinScreen({ api }: { api: EaselDesktopApi }) {
  const [text, setText] = useState('');
  const [token, setToken] = useState('');
  const [tokenPrompt, setTokenPrompt] = useState<string | null>(null);
  const [homeError, setHomeError] = useState<string | null>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const { phase, joinText, joinTarget } = useJoin(api);

  const requestId = useJoinRequestId();
  const [requestError, setRequestError] = useState<string | null>(null);
  /** A link from outside the app, waiting for the person to say Join or Cancel before anything is probed. */
  const [toConfirm, setToConfirm] = useState<JoinTargetPayload | null>(null);
  // Each request is filled in and asked about once: the effect re-running for any other reason must not ask again.
  const handledRequestId = useRef('');
  useEffect(() => {
    const request = joinRequestFrom(window.history.state);
    if (!request || request.id !== requestId || request.id === handledRequestId.current) return;
    handledRequestId.current = request.id;
    const checked = checkJoinTarget(request.target);
    if (!checked.ok) {
      setRequestError(checked.message);
      return;
    }
    setRequestError(null);
    fill(checked.target);
    setToConfirm(checked.target);
  }, [requestId]);

  const confirmJoin = (target: JoinTargetPayload) => {
    setToConfirm(null);
    void joinTarget(target);
  };

  const cancelJoin = () => {
    setToConfirm(null);
    setText('');
    setToken('');
  };

  function fill(target: JoinTargetPayload) {
    setText(linkFieldText(target));
    setToken(target.token ?? '');
    setTokenPrompt(null);
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setToConfirm(null);
    void joinText(text, token);
  };

  const pickDiscovered = (target: JoinTargetPayload, name: string) => {
    fill(target);
    setTokenPrompt(`Type the token ${name} gave you: it is never announced on the network.`);
    tokenInput.current?.focus();
  };

  const backToMyBoards = async () => {
    const info = await api.relay.info();
    if (!info.ok) return setHomeError(info.error.message);
    const href = ownBoardsHref(info.value, window.location.search);
    if (href === null) return setHomeError('This app’s own relay has not started yet. Try again in a moment.');
    window.location.assign(href);
  };

  const busy = phase.kind === 'checking' || phase.kind === 'going';
  return (
    <main className="easel-desktop" style={{ padding: 24, maxWidth: 720 }} data-testid="join-screen">
      <style>{DESKTOP_CSS}</style>
      <h1>Join a session</h1>
      <p>
        <button type="button" onClick={() => void backToMyBoards()}>
          Back to my boards
        </button>
      </p>
      {homeError && (
        <p className="error" role="alert">
          {homeError}
        </p>
      )}
      {toConfirm && <JoinLinkConfirm target={toConfirm} onJoin={() => confirmJoin(toConfirm)} onCancel={cancelJoin} />}
      <form onSubmit={onSubmit} aria-labelledby="join-link-heading">
        <h2 id="join-link-heading">Paste a link</h2>
        <label>
          Join link or address
          <input
            data-testid="join-link"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="http://192.168.1.20:4455/b/retro?t=… or easel://join?…"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          Token (if the link has none)
          <input
            ref={tokenInput}
            data-testid="join-token"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        {tokenPrompt && (
          <p className="note" data-testid="join-token-prompt">
            {tokenPrompt}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="join-submit">
          Join
        </button>
        {requestError && (
          <p className="error" role="alert">
            {requestError}
          </p>
        )}
        <JoinPhaseMessage phase={phase} />
      </form>
      <DiscoveredSessions api={api} onPick={pickDiscovered} />
      <RecentJoins api={api} onJoin={(target) => (fill(target), confirmJoin(target))} />
    </main>
  );
}

function JoinPhaseMessage({ phase }: { phase: JoinPhase }) {
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'input-error':
      return (
        <p className="error" role="alert" data-testid="join-problem">
          {phase.message}
        </p>
      );
    case 'checking':
      return (
        <p className="note" role="status" data-testid="join-progress">
          Checking {phase.label}…
        </p>
      );
    case 'problem':
      return (
        <p className="error" role="alert" data-testid="join-problem">
          <strong>{phase.headline}</strong> {phase.detail}
        </p>
      );
    case 'going':
      return (
        <p className="note" role="status" data-testid="join-progress">
          Joining {phase.label}…
        </p>
      );
  }
}

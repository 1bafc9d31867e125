import { useCallback, useRef, useState } from 'react';
import type { EaselDesktopApi, JoinTargetPayload } from '../../../shared/desktop';
import { joinedPageHref, probeProblemHeadline, targetLabel } from './join-model';

/** recentJoinSchema's limit on a remembered label. */
const MAX_LABEL_LENGTH = 200;

/** Where a join stands: nothing yet, the link is wrong, the relay is being asked, it said no, or we are on our way. */
export type JoinPhase =
  | { kind: 'idle' }
  | { kind: 'input-error'; message: string }
  | { kind: 'checking'; label: string }
  | { kind: 'problem'; headline: string; detail: string }
  | { kind: 'going'; label: string };

export interface JoinFlow {
  phase: JoinPhase;
  /** What was typed: a link or an address, and the optional token field. */
  joinText(text: string, token: string): Promise<void>;
  /** A target already parsed (a launch link, a recent join): probe it and go. */
  joinTarget(target: JoinTargetPayload): Promise<void>;
}

/** Loads the joined relay's page. One function for every render, so the flow's callbacks keep their identity. */
function loadPage(href: string): void {
  window.location.assign(href);
}

/**
 * Parse → probe → remember → go. The page is loaded again on the remote relay
 * (the app's origin, `?relay=&t=`), so nothing of this screen survives a
 * successful join; a failed one keeps what was typed and says why.
 */
export function useJoin(api: EaselDesktopApi, go: (href: string) => void = loadPage): JoinFlow {
  const [phase, setPhase] = useState<JoinPhase>({ kind: 'idle' });
  // Only the latest attempt may change the phase: a slow probe of an older link must not overwrite a newer answer.
  const attempt = useRef(0);

  const joinTarget = useCallback(
    async (target: JoinTargetPayload) => {
      const mine = ++attempt.current;
      const label = targetLabel(target);
      setPhase({ kind: 'checking', label });
      const probed = await api.join.probe(target);
      if (mine !== attempt.current) return;
      if (!probed.ok) {
        setPhase({ kind: 'problem', headline: 'Could not check that relay.', detail: probed.error.message });
        return;
      }
      if (!probed.value.ok) {
        const headline = probeProblemHeadline(probed.value, target.token !== undefined);
        setPhase({ kind: 'problem', headline, detail: probed.value.message });
        return;
      }
      // Remembering is a convenience: a failure to store it must not stop the join.
      await api.join.remember({ ...target, label: label.slice(0, MAX_LABEL_LENGTH) });
      if (mine !== attempt.current) return;
      setPhase({ kind: 'going', label });
      go(joinedPageHref(target, window.location.search));
    },
    [api, go],
  );

  const joinText = useCallback(
    async (text: string, token: string) => {
      const mine = ++attempt.current;
      const parsed = await api.join.parse({ text, ...(token.trim() !== '' && { token }) });
      if (mine !== attempt.current) return;
      if (!parsed.ok) {
        setPhase({ kind: 'input-error', message: parsed.error.message });
        return;
      }
      await joinTarget(parsed.value);
    },
    [api, joinTarget],
  );

  return { phase, joinText, joinTarget };
}

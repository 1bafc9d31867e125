/**
 * "Copy link" in a board's header, in the browser client: the address a
 * teammate opens to join this board on this relay (with its access token,
 * when the page has one), never this page's own query (?e2e, ?name).
 */
import { Check, Link as LinkIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { boardPath } from '../routing/route';

/** How long "Copied" stays on the button. */
const COPIED_MS = 2_000;

/** The board's link on the relay at `origin`, with `token` as `?t=` when there is one. */
export function boardLink(origin: string, boardId: string, token?: string): string {
  const url = new URL(boardPath(boardId), origin);
  if (token) url.searchParams.set('t', token);
  return url.href;
}

export function CopyLinkButton({ boardId, token }: { boardId: string; token?: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(() => setOutcome(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  const link = boardLink(window.location.origin, boardId, token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="icon-text"
        title={link}
        aria-label={outcome === 'copied' ? 'Copied' : 'Copy link'}
        onClick={() => void copy()}
        data-link={link}
      >
        {outcome === 'copied' ? <Check aria-hidden size={14} /> : <LinkIcon aria-hidden size={14} />}
        {/* Under 700 px the icon alone: the header keeps its room for the board's name. */}
        <span aria-hidden className="hide-compact">
          {outcome === 'copied' ? 'Copied' : 'Copy link'}
        </span>
      </button>
      <span role="status" className="visually-hidden">
        {outcome === 'copied' ? 'Link copied' : outcome === 'failed' ? `Could not copy: the link is ${link}` : ''}
      </span>
    </>
  );
}

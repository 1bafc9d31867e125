import { useEffect, useState } from 'react';

/** How long "Copied" stays on the button. */
const COPIED_NOTICE_MS = 2_000;

/** Copies `text` to the clipboard and says so; where the clipboard is refused, says to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <>
      <button type="button" aria-label={`Copy ${label}`} onClick={() => void copy()}>
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {outcome === 'failed' && (
        <span className="error" role="alert">
          Could not copy: select the link and copy it yourself.
        </span>
      )}
    </>
  );
}

import { type KeyboardEvent, useCallback, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  BOARD_META_MAP,
  boardNameSchema,
  readBoardName,
  UNTITLED_BOARD_NAME,
  writeBoardName,
} from '../../shared/model/board-meta';
import { MAX_BOARD_NAME_LENGTH } from '../../shared/model/limits';

/** The board's name from its doc, re-rendering when anyone renames it. */
export function useBoardName(doc: Y.Doc | null): string | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined;
      const meta = doc.getMap(BOARD_META_MAP);
      meta.observe(onChange);
      return () => meta.unobserve(onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => (doc ? readBoardName(doc) : undefined));
}

/**
 * The board's name in the header: click (or Enter on it) to edit, Enter saves,
 * Escape cancels. The name goes into the doc, so everyone on the board sees
 * it and the relay's catalog lists it. A viewer sees the name only.
 */
export function BoardTitle({ doc, readOnly = false }: { doc: Y.Doc | null; readOnly?: boolean }) {
  const name = useBoardName(doc);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = name ?? UNTITLED_BOARD_NAME;

  const save = () => {
    if (draft === null || !doc) return;
    const parsed = boardNameSchema.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'not a valid name');
      return;
    }
    if (parsed.data !== name) doc.transact(() => writeBoardName(doc, parsed.data));
    setDraft(null);
    setError(null);
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The board's shortcuts must not see typing here.
    event.stopPropagation();
    if (event.key === 'Enter') save();
    else if (event.key === 'Escape') cancel();
  };

  if (readOnly) {
    return (
      <strong className="shrink board-title" data-testid="board-title" style={{ fontSize: 14 }}>
        {shown}
      </strong>
    );
  }
  if (draft === null) {
    return (
      <button
        type="button"
        className="shrink board-title"
        data-testid="board-title"
        title="Rename this board"
        disabled={!doc}
        onClick={() => setDraft(name ?? '')}
        style={{ border: 'none', background: 'none', fontWeight: 600, fontSize: 14 }}
      >
        {shown}
      </button>
    );
  }
  return (
    <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <input
        data-testid="board-title-input"
        aria-label="Board name"
        aria-invalid={error !== null}
        autoFocus
        value={draft}
        maxLength={MAX_BOARD_NAME_LENGTH}
        placeholder={UNTITLED_BOARD_NAME}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={cancel}
        style={{ font: 'inherit', fontWeight: 600, padding: '3px 6px', minWidth: 200 }}
      />
      {error && (
        <span role="alert" style={{ color: '#b3261e' }}>
          {error}
        </span>
      )}
    </span>
  );
}

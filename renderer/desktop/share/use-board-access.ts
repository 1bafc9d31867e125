import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardAccess, JoinRecord, PresentPerson } from '../../../shared/access';
import { AccessError, createAccessClient } from '../../access/access-client';
import { sessionStore } from './dialog-memory';
import {
  ensureLinkPasses,
  LINK_LABELS,
  linkRoleOf,
  type LinkPasses,
  loadLinkPasses,
  saveLinkPasses,
} from './link-passes';

/** How often the open dialog asks who is on the board and reads the join log (ms). */
export const ACCESS_REFRESH_MS = 1_000;

export interface BoardAccessState {
  /** The Edit and View link passes, once made (null until then). */
  links: LinkPasses | null;
  /** Locked or not, and who is on the board now; null until first read. */
  access: BoardAccess | null;
  joins: JoinRecord[] | null;
  /** The last request that failed, in words. */
  error: string | null;
  /** What the last Remove did, in words. */
  removedNote: string | null;
  busy: boolean;
  remove(person: PresentPerson): Promise<void>;
  setLocked(locked: boolean): Promise<void>;
}

/**
 * The access side of the share dialog, while it is open and the board is
 * shared: makes (or finds again) the Edit and View links, reads who is on the
 * board and the join log every ACCESS_REFRESH_MS, and removes people and
 * locks the board through the relay's host API (renderer/access).
 */
export function useBoardAccess(options: {
  relayUrl: string;
  hostToken: string;
  boardId: string;
  /** Only while sharing: links are made for guests, and stopping revokes them. */
  active: boolean;
}): BoardAccessState {
  const { relayUrl, hostToken, boardId, active } = options;
  const client = useMemo(() => createAccessClient(relayUrl, hostToken), [relayUrl, hostToken]);
  const [links, setLinks] = useState<LinkPasses | null>(null);
  const [access, setAccess] = useState<BoardAccess | null>(null);
  const [joins, setJoins] = useState<JoinRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removedNote, setRemovedNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One link-making at a time per relay address: two at once would make two passes for one link. One
  // started against the address the relay just moved away from is not reused (it fails, and the links
  // would never be made).
  const ensuring = useRef<{ client: typeof client; made: Promise<LinkPasses> } | null>(null);

  const ensureLinks = useCallback(async () => {
    if (ensuring.current?.client !== client) {
      const made = ensureLinkPasses(client, boardId, loadLinkPasses(sessionStore(), boardId)).finally(() => {
        if (ensuring.current?.made === made) ensuring.current = null;
      });
      ensuring.current = { client, made };
    }
    const made = await ensuring.current.made;
    saveLinkPasses(sessionStore(), boardId, made);
    setLinks(made);
  }, [client, boardId]);

  const refresh = useCallback(async () => {
    const [nowAccess, nowJoins] = await Promise.all([client.boardAccess(boardId), client.joins(boardId)]);
    setAccess(nowAccess);
    setJoins(nowJoins);
  }, [client, boardId]);

  useEffect(() => {
    if (!active) {
      setLinks(null);
      setAccess(null);
      return;
    }
    let live = true;
    const report = (failure: unknown) => {
      if (live) setError(failure instanceof AccessError ? failure.message : String(failure));
    };
    void ensureLinks().catch(report);
    const tick = () =>
      void refresh().then(
        () => live && setError(null),
        (failure: unknown) => report(failure),
      );
    tick();
    const timer = setInterval(tick, ACCESS_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active, ensureLinks, refresh]);

  const remove = useCallback(
    async (person: PresentPerson) => {
      if (person.passId === null) return;
      setBusy(true);
      try {
        await client.revokePass(person.passId);
        const role = links ? linkRoleOf(links, person.passId) : undefined;
        const who = person.name ?? 'Someone';
        setRemovedNote(
          role
            ? `${who} was removed. The ${LINK_LABELS[role]} they used no longer works: anyone else who had it is ` +
                `cut off too, and the dialog shows a new one.`
            : `${who} was removed.`,
        );
        if (role) await ensureLinks();
        await refresh();
        setError(null);
      } catch (failure) {
        setError(failure instanceof AccessError ? failure.message : String(failure));
      } finally {
        setBusy(false);
      }
    },
    [client, links, ensureLinks, refresh],
  );

  const setLocked = useCallback(
    async (locked: boolean) => {
      setBusy(true);
      try {
        await client.setLocked(boardId, locked);
        await refresh();
        setError(null);
      } catch (failure) {
        setError(failure instanceof AccessError ? failure.message : String(failure));
      } finally {
        setBusy(false);
      }
    },
    [client, boardId, refresh],
  );

  return { links, access, joins, error, removedNote, busy, remove, setLocked };
}

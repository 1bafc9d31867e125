/**
 * The share dialog's two links, an Edit link and a View link for the board:
 * each a pass (shared/access) made by the dialog the first time it shows them
 * while sharing. The relay tells a pass's token only once, so the window
 * keeps the tokens in sessionStorage (they stay on this machine) and shows
 * the same links when the dialog opens again; a pass that is gone (revoked
 * by Remove, or by Stop sharing) is replaced by a new one.
 */
import { z } from 'zod';
import { formatEaselJoinLink, formatHttpJoinLink } from '../../../shared/desktop';
import { PASS_TOKEN_PATTERN, passIdSchema } from '../../../shared/access';
import type { Role } from '../../../shared/protocol';
import type { AccessClient } from '../../access/access-client';

export const LINK_ROLES: readonly Role[] = ['editor', 'viewer'];
export const LINK_LABELS: Record<Role, string> = { editor: 'Edit link', viewer: 'View link' };
export const LINK_NOTES: Record<Role, string> = {
  editor: 'Opens this board to draw with you.',
  viewer: 'Opens this board to watch: cursors and follow, copy and export, no changes.',
};

const linkPassSchema = z.strictObject({ id: passIdSchema, token: z.string().regex(PASS_TOKEN_PATTERN) });
export type LinkPass = z.infer<typeof linkPassSchema>;
const linkPassesSchema = z.strictObject({ editor: linkPassSchema.optional(), viewer: linkPassSchema.optional() });
export type LinkPasses = z.infer<typeof linkPassesSchema>;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const linkPassesKey = (boardId: string) => `easel.shareLinks.${boardId}`;

export function loadLinkPasses(storage: Storage | null, boardId: string): LinkPasses {
  try {
    const parsed = linkPassesSchema.safeParse(JSON.parse(storage?.getItem(linkPassesKey(boardId)) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveLinkPasses(storage: Storage | null, boardId: string, links: LinkPasses): void {
  try {
    if (Object.keys(links).length === 0) storage?.removeItem(linkPassesKey(boardId));
    else storage?.setItem(linkPassesKey(boardId), JSON.stringify(links));
  } catch {
    // Without storage the dialog makes new links next time; the old ones still work until sharing stops.
  }
}

/** The remembered links whose passes still exist, and new passes for the others. */
export async function ensureLinkPasses(
  client: Pick<AccessClient, 'listPasses' | 'createPass'>,
  boardId: string,
  remembered: LinkPasses,
): Promise<LinkPasses> {
  const live = new Set((await client.listPasses(boardId)).map((pass) => pass.id));
  const links: LinkPasses = {};
  for (const role of LINK_ROLES) {
    const kept = remembered[role];
    if (kept && live.has(kept.id)) links[role] = kept;
    else {
      const created = await client.createPass(boardId, { role, label: LINK_LABELS[role] });
      links[role] = { id: created.id, token: created.token };
    }
  }
  return links;
}

export interface OfferedLink {
  role: Role;
  label: string;
  note: string;
  /** `http://ADDR:PORT/b/<board>?t=<token>`: the browser client. */
  http: string;
  /** `easel://join?…`: the desktop app. */
  easel: string;
}

/** The links of one relay address, in the order the dialog shows them. */
export function offeredLinks(relayUrl: string, boardId: string, links: LinkPasses): OfferedLink[] {
  return LINK_ROLES.flatMap((role) => {
    const pass = links[role];
    if (!pass) return [];
    const target = { relayUrl, boardId, token: pass.token };
    return [
      {
        role,
        label: LINK_LABELS[role],
        note: LINK_NOTES[role],
        http: formatHttpJoinLink(target),
        easel: formatEaselJoinLink(target),
      },
    ];
  });
}

/** Which link pass a pass id is, if it is one of the dialog's. */
export function linkRoleOf(links: LinkPasses, passId: string | null): Role | undefined {
  return LINK_ROLES.find((role) => links[role]?.id === passId);
}

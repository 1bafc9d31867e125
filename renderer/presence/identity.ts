/**
 * Who I am on a board: a name and a colour, chosen at random on first use (no
 * dialog in the way), editable, and remembered on this device.
 */
import { type PresenceUser, presenceUserSchema } from '../../shared/protocol';

/** Distinct on white and readable under white label text. */
export const PRESENCE_COLORS = [
  '#e03131',
  '#c2255c',
  '#9c36b5',
  '#6741d9',
  '#3b5bdb',
  '#1971c2',
  '#0c8599',
  '#099268',
  '#2f9e44',
  '#e8590c',
] as const;

const ADJECTIVES = ['Brave', 'Calm', 'Clever', 'Eager', 'Gentle', 'Happy', 'Keen', 'Lucky', 'Quick', 'Sunny'];
const ANIMALS = ['Badger', 'Crane', 'Falcon', 'Fox', 'Heron', 'Lynx', 'Otter', 'Panda', 'Robin', 'Wombat'];

export const IDENTITY_STORAGE_KEY = 'easel.identity';

/** localStorage, or anything with its two methods. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

export function randomIdentity(random: () => number = Math.random): PresenceUser {
  return { name: `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`, color: pick(PRESENCE_COLORS, random) };
}

/**
 * The remembered identity, or a new random one (remembered from then on). A
 * stored value that is not a valid identity is replaced, not trusted.
 * `nameOverride` (a `?name=` link) wins for this session without being saved.
 */
export function loadIdentity(
  store: KeyValueStore | null,
  nameOverride?: string,
  random: () => number = Math.random,
): PresenceUser {
  let identity: PresenceUser | null = null;
  try {
    const raw = store?.getItem(IDENTITY_STORAGE_KEY);
    const parsed = raw ? presenceUserSchema.safeParse(JSON.parse(raw)) : null;
    if (parsed?.success) identity = parsed.data;
  } catch {
    identity = null; // unreadable storage or JSON: start afresh
  }
  if (!identity) {
    identity = randomIdentity(random);
    saveIdentity(store, identity);
  }
  return nameOverride ? { ...identity, name: nameOverride } : identity;
}

/** Returns the identity as saved, or an error message for a name or colour that is not allowed. */
export function saveIdentity(
  store: KeyValueStore | null,
  identity: PresenceUser,
): { ok: true; identity: PresenceUser } | { ok: false; error: string } {
  const parsed = presenceUserSchema.safeParse(identity);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'not a valid name or colour' };
  try {
    store?.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(parsed.data));
  } catch {
    // Storage full or blocked: the identity still holds for this session.
  }
  return { ok: true, identity: parsed.data };
}

/** Up to two letters: the first of the first two words ("Brave Otter" → "BO"), or the first two of one word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters =
    words.length >= 2
      ? [...(words[0] ?? '')].slice(0, 1).concat([...(words[1] ?? '')].slice(0, 1))
      : [...(words[0] ?? '')].slice(0, 2);
  return letters.join('').toUpperCase();
}

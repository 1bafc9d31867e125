import { describe, expect, it } from 'vitest';
import { IDENTITY_STORAGE_KEY, initialsOf, loadIdentity, PRESENCE_COLORS, saveIdentity } from './identity';

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('identity', () => {
  it('picks a random name and colour on first use and remembers them', () => {
    const store = new MemoryStore();
    const first = loadIdentity(store, undefined, () => 0.99);
    expect(first.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    expect(PRESENCE_COLORS).toContain(first.color);
    expect(loadIdentity(store, undefined, () => 0)).toEqual(first);
  });

  it('lets a ?name= override the name for the session without saving it', () => {
    const store = new MemoryStore();
    const saved = loadIdentity(store);
    expect(loadIdentity(store, 'Ann')).toEqual({ ...saved, name: 'Ann' });
    expect(loadIdentity(store)).toEqual(saved);
  });

  it('replaces a stored identity that is not valid instead of trusting it', () => {
    const store = new MemoryStore();
    store.setItem(IDENTITY_STORAGE_KEY, JSON.stringify({ name: '', color: 'red' }));
    const identity = loadIdentity(store);
    expect(identity.name.length).toBeGreaterThan(0);
    expect(identity.color).toMatch(/^#[0-9a-f]{6}$/);
    store.setItem(IDENTITY_STORAGE_KEY, '{not json');
    expect(loadIdentity(store).name.length).toBeGreaterThan(0);
  });

  it('saves an edited identity, and refuses an empty name or a bad colour', () => {
    const store = new MemoryStore();
    expect(saveIdentity(store, { name: 'Zoë', color: '#123abc' })).toEqual({
      ok: true,
      identity: { name: 'Zoë', color: '#123abc' },
    });
    expect(loadIdentity(store)).toEqual({ name: 'Zoë', color: '#123abc' });
    expect(saveIdentity(store, { name: '   ', color: '#123abc' }).ok).toBe(false);
    expect(saveIdentity(store, { name: 'A', color: 'blue' }).ok).toBe(false);
    expect(loadIdentity(store).name).toBe('Zoë');
  });

  it('works without storage at all', () => {
    expect(loadIdentity(null).name.length).toBeGreaterThan(0);
  });

  it('makes initials from the first two words, or the first two letters of one', () => {
    expect(initialsOf('Brave Otter')).toBe('BO');
    expect(initialsOf('ann')).toBe('AN');
    expect(initialsOf('Émile  de  la Tour')).toBe('ÉD');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { subdocumentBomb } from '../../tests/support/hostile-updates';
import { withoutSubdocuments } from './stored-update';

describe('withoutSubdocuments', () => {
  it('leaves an update without subdocuments as it is', () => {
    const doc = new Y.Doc();
    doc.getMap('shapes').set('a', { type: 'rect' });
    doc.getText('legacy').insert(0, 'older boards may hold this');
    const update = Y.encodeStateAsUpdate(doc);
    expect(withoutSubdocuments(update)).toEqual({ update, removed: 0 });
  });

  it('replays subdocuments as deleted content: same clocks, nothing pending, the rest of the update kept', () => {
    const doc = new Y.Doc();
    doc.getMap('shapes').set('before', 1);
    doc.getMap('shapes').set('sub', new Y.Doc());
    doc.getMap('meta').set('name', 'Kept');
    doc.getMap('shapes').set('after', 2);
    const { update, removed } = withoutSubdocuments(Y.encodeStateAsUpdate(doc));
    expect(removed).toBe(1);
    const replayed = new Y.Doc();
    Y.applyUpdate(replayed, update);
    expect(replayed.getSubdocs().size).toBe(0);
    expect(replayed.getMap('shapes').toJSON()).toEqual({ before: 1, after: 2 });
    expect(replayed.getMap('meta').get('name')).toBe('Kept');
    expect(Y.encodeStateVector(replayed)).toEqual(Y.encodeStateVector(doc));
    expect(replayed.store.pendingStructs).toBeNull();
  });

  it('takes a hand-made bomb apart the same way', () => {
    const { update, removed } = withoutSubdocuments(subdocumentBomb(1_000));
    expect(removed).toBe(1_000);
    const replayed = new Y.Doc();
    Y.applyUpdate(replayed, update);
    expect(replayed.getSubdocs().size).toBe(0);
    expect(replayed.getMap('shapes').size).toBe(0);
    expect(Y.getState(replayed.store, 424242)).toBe(1_000);
  });

  it('throws for bytes that are not an update', () => {
    expect(() => withoutSubdocuments(new Uint8Array([5, 1, 2]))).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { Action, KeyInput } from './action';
import { ariaKeyShortcuts, formatShortcut, matchesShortcut, shortcutLabel } from './keys';

const MAC = true;
const OTHER = false;

describe('matchesShortcut', () => {
  it('reads mod as Cmd on macOS and Ctrl elsewhere, and refuses the other one', () => {
    const undo = { key: 'z', mod: true };
    expect(matchesShortcut(undo, { key: 'z', metaKey: true }, MAC)).toBe(true);
    expect(matchesShortcut(undo, { key: 'z', ctrlKey: true }, MAC)).toBe(false);
    expect(matchesShortcut(undo, { key: 'z', ctrlKey: true }, OTHER)).toBe(true);
    expect(matchesShortcut(undo, { key: 'z', metaKey: true }, OTHER)).toBe(false);
    expect(matchesShortcut(undo, { key: 'z', metaKey: true, ctrlKey: true }, MAC)).toBe(false);
    expect(matchesShortcut(undo, { key: 'z' }, MAC)).toBe(false);
  });

  it('needs every modifier to match exactly', () => {
    expect(matchesShortcut({ key: 'v' }, { key: 'v' }, OTHER)).toBe(true);
    expect(matchesShortcut({ key: 'v' }, { key: 'v', ctrlKey: true }, OTHER)).toBe(false);
    expect(matchesShortcut({ key: 'v' }, { key: 'V', shiftKey: true }, OTHER)).toBe(false);
    expect(matchesShortcut({ key: 'v' }, { key: 'v', altKey: true }, OTHER)).toBe(false);
    const redo = { key: 'z', mod: true, shift: true };
    expect(matchesShortcut(redo, { key: 'Z', metaKey: true, shiftKey: true }, MAC)).toBe(true);
    expect(matchesShortcut(redo, { key: 'z', metaKey: true }, MAC)).toBe(false);
    expect(matchesShortcut({ key: 'z', mod: true }, { key: 'Z', metaKey: true, shiftKey: true }, MAC)).toBe(false);
  });

  it('takes letters in either case (Caps Lock) and named keys by name', () => {
    expect(matchesShortcut({ key: 'r' }, { key: 'R' }, OTHER)).toBe(true);
    expect(matchesShortcut({ key: 'Escape' }, { key: 'Escape' }, OTHER)).toBe(true);
    expect(matchesShortcut({ key: 'ArrowLeft', shift: true }, { key: 'ArrowLeft', shiftKey: true }, OTHER)).toBe(true);
  });

  it('falls back to the physical key for letters on non-Latin layouts and for shifted digits', () => {
    const cyrillicZ: KeyInput = { key: 'я', code: 'KeyZ', ctrlKey: true };
    expect(matchesShortcut({ key: 'z', mod: true }, cyrillicZ, OTHER)).toBe(true);
    // AZERTY: the key printed A sits where QWERTY has Q; pressing it is A, not Q.
    expect(matchesShortcut({ key: 'q' }, { key: 'a', code: 'KeyQ' }, OTHER)).toBe(false);
    expect(matchesShortcut({ key: 'a' }, { key: 'a', code: 'KeyQ' }, OTHER)).toBe(true);
    expect(matchesShortcut({ key: '1', shift: true }, { key: '!', code: 'Digit1', shiftKey: true }, OTHER)).toBe(true);
    expect(matchesShortcut({ key: '1', shift: true }, { key: '!', code: 'Digit2', shiftKey: true }, OTHER)).toBe(false);
  });

  it('honours platform-only shortcuts', () => {
    const ctrlY = { key: 'y', mod: true, onlyOn: 'other' } as const;
    expect(matchesShortcut(ctrlY, { key: 'y', ctrlKey: true }, OTHER)).toBe(true);
    expect(matchesShortcut(ctrlY, { key: 'y', metaKey: true }, MAC)).toBe(false);
  });
});

describe('formatShortcut and shortcutLabel', () => {
  it('writes shortcuts the way each platform does', () => {
    expect(formatShortcut({ key: 'z', mod: true }, MAC)).toBe('⌘Z');
    expect(formatShortcut({ key: 'z', mod: true }, OTHER)).toBe('Ctrl+Z');
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, MAC)).toBe('⇧⌘Z');
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, OTHER)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut({ key: 'x', alt: true, shift: true }, MAC)).toBe('⌥⇧X');
    expect(formatShortcut({ key: 'x', alt: true, mod: true }, OTHER)).toBe('Ctrl+Alt+X');
    expect(formatShortcut({ key: 'Delete' }, MAC)).toBe('⌦');
    expect(formatShortcut({ key: 'Delete' }, OTHER)).toBe('Del');
    expect(formatShortcut({ key: 'Escape' }, OTHER)).toBe('Esc');
    expect(formatShortcut({ key: 'ArrowUp', shift: true }, OTHER)).toBe('Shift+↑');
    expect(formatShortcut({ key: '[', mod: true }, MAC)).toBe('⌘[');
    expect(formatShortcut({ key: '1', shift: true }, OTHER)).toBe('Shift+1');
  });

  it('labels an action by its first shortcut for the platform', () => {
    const redo: Action = {
      id: 'edit.redo',
      label: 'Redo',
      group: 'edit',
      shortcuts: [
        { key: 'y', mod: true, onlyOn: 'other' },
        { key: 'z', mod: true, shift: true },
      ],
      perform: () => undefined,
    };
    expect(shortcutLabel(redo, OTHER)).toBe('Ctrl+Y');
    expect(shortcutLabel(redo, MAC)).toBe('⇧⌘Z');
    expect(shortcutLabel({ ...redo, shortcuts: [] }, MAC)).toBe('');
  });
});

describe('ariaKeyShortcuts', () => {
  const action = (shortcuts: Action['shortcuts']): Action => ({
    id: 'a.b',
    label: 'A',
    group: 'edit',
    shortcuts,
    perform: () => undefined,
  });

  it('writes the first shortcut of the platform in aria-keyshortcuts syntax', () => {
    expect(ariaKeyShortcuts(action([{ key: 'z', mod: true, shift: true }]), OTHER)).toBe('Control+Shift+Z');
    expect(ariaKeyShortcuts(action([{ key: 'z', mod: true, shift: true }]), MAC)).toBe('Meta+Shift+Z');
    expect(ariaKeyShortcuts(action([{ key: 'Escape' }]), OTHER)).toBe('Escape');
    expect(ariaKeyShortcuts(action([{ key: 'y', mod: true, onlyOn: 'other' }]), MAC)).toBe('');
  });
});

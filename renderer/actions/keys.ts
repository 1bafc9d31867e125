/**
 * Matching key presses against shortcuts, and writing shortcuts for people.
 *
 * Modifiers must match exactly, so V never fires on Cmd+V and Cmd+Z never on
 * Cmd+Shift+Z. `mod` is Cmd on macOS and Ctrl elsewhere; the other one of the
 * two must be up (Ctrl+Z on a Mac is not undo).
 *
 * `key` is compared first. Letters and digits fall back to the physical key
 * (`code`): Shift+1 types '!' on a US layout and '1' on a French one, and a
 * Cyrillic layout types 'я' where Z is printed, yet both should still work.
 */
import type { Action, KeyInput, Shortcut } from './action';

const LETTER = /^[a-z]$/i;
const DIGIT = /^[0-9]$/;

export function appliesTo(shortcut: Shortcut, isMac: boolean): boolean {
  return shortcut.onlyOn === undefined || shortcut.onlyOn === (isMac ? 'mac' : 'other');
}

/** Whether Cmd (macOS) or Ctrl (elsewhere) is down. */
export function isModDown(event: KeyInput, isMac: boolean): boolean {
  return Boolean(isMac ? event.metaKey : event.ctrlKey);
}

/** Whether the platform's other one of Ctrl and Cmd is down: no shortcut of ours uses it. */
export function isForeignModDown(event: KeyInput, isMac: boolean): boolean {
  return Boolean(isMac ? event.ctrlKey : event.metaKey);
}

export function matchesShortcut(shortcut: Shortcut, event: KeyInput, isMac: boolean): boolean {
  if (!appliesTo(shortcut, isMac) || isForeignModDown(event, isMac)) return false;
  if (isModDown(event, isMac) !== Boolean(shortcut.mod)) return false;
  if (Boolean(event.shiftKey) !== Boolean(shortcut.shift) || Boolean(event.altKey) !== Boolean(shortcut.alt)) {
    return false;
  }
  return keyMatches(shortcut.key, event);
}

function keyMatches(key: string, event: KeyInput): boolean {
  if (event.key.toLowerCase() === key.toLowerCase()) return true;
  // A different Latin letter is a different key on this layout (AZERTY's A sits where QWERTY has Q).
  if (LETTER.test(key)) return !LETTER.test(event.key) && event.code === `Key${key.toUpperCase()}`;
  if (DIGIT.test(key)) return event.code === `Digit${key}`;
  return false;
}

const KEY_NAMES: Readonly<Record<string, { mac: string; other: string }>> = {
  escape: { mac: 'Esc', other: 'Esc' },
  delete: { mac: '⌦', other: 'Del' },
  backspace: { mac: '⌫', other: 'Backspace' },
  enter: { mac: '↩', other: 'Enter' },
  arrowleft: { mac: '←', other: '←' },
  arrowright: { mac: '→', other: '→' },
  arrowup: { mac: '↑', other: '↑' },
  arrowdown: { mac: '↓', other: '↓' },
  ' ': { mac: 'Space', other: 'Space' },
};

/** '⇧⌘Z' on macOS (Apple's order: ⌃⌥⇧⌘), 'Ctrl+Shift+Z' elsewhere. */
export function formatShortcut(shortcut: Shortcut, isMac: boolean): string {
  const named = KEY_NAMES[shortcut.key.toLowerCase()];
  const key = named ? named[isMac ? 'mac' : 'other'] : shortcut.key.toUpperCase();
  if (isMac) return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`;
  const parts = [shortcut.mod && 'Ctrl', shortcut.shift && 'Shift', shortcut.alt && 'Alt', key];
  return parts.filter(Boolean).join('+');
}

/** The label of the action's first shortcut for the platform; '' when it has none. */
export function shortcutLabel(action: Action, isMac: boolean): string {
  const shortcut = action.shortcuts.find((candidate) => appliesTo(candidate, isMac));
  return shortcut ? formatShortcut(shortcut, isMac) : '';
}

/** The action's first shortcut for the platform in aria-keyshortcuts syntax ('Control+Shift+Z'); '' when none. */
export function ariaKeyShortcuts(action: Action, isMac: boolean): string {
  const shortcut = action.shortcuts.find((candidate) => appliesTo(candidate, isMac));
  if (!shortcut) return '';
  const key = shortcut.key === ' ' ? 'Space' : shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  const parts = [shortcut.mod && (isMac ? 'Meta' : 'Control'), shortcut.alt && 'Alt', shortcut.shift && 'Shift', key];
  return parts.filter(Boolean).join('+');
}

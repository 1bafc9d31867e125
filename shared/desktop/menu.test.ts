import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PATTERN, acceleratorFor, menuTemplateSchema } from './menu';

describe('acceleratorFor', () => {
  it('writes registry shortcuts in Electron accelerator syntax', () => {
    expect(acceleratorFor({ key: 'z', mod: true })).toBe('CmdOrCtrl+Z');
    expect(acceleratorFor({ key: 'z', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor({ key: '[', mod: true })).toBe('CmdOrCtrl+[');
    expect(acceleratorFor({ key: '+', mod: true })).toBe('CmdOrCtrl+Plus');
    expect(acceleratorFor({ key: '-', mod: true })).toBe('CmdOrCtrl+-');
    expect(acceleratorFor({ key: 'Delete' })).toBe('Delete');
    expect(acceleratorFor({ key: 'ArrowLeft', shift: true })).toBe('Shift+Left');
    expect(acceleratorFor({ key: 'Escape' })).toBe('Esc');
    expect(acceleratorFor({ key: '1', alt: true })).toBe('Alt+1');
    expect(acceleratorFor({ key: 'F11' })).toBe('F11');
  });

  it('gives up on keys Electron has no name for', () => {
    expect(acceleratorFor({ key: 'é' })).toBeUndefined();
    expect(acceleratorFor({ key: 'Dead' })).toBeUndefined();
    expect(acceleratorFor({ key: '' })).toBeUndefined();
  });

  it('accepts only modifier+key strings', () => {
    for (const good of ['CmdOrCtrl+Z', 'Shift+Alt+Left', 'F5', 'CommandOrControl+Shift+Plus', 'Ctrl+\\']) {
      expect(ACCELERATOR_PATTERN.test(good), good).toBe(true);
    }
    for (const bad of ['', 'CmdOrCtrl+', 'Z+CmdOrCtrl', 'CmdOrCtrl+ZZ', 'Hyper+Z', 'CmdOrCtrl+Z\n', 'F25']) {
      expect(ACCELERATOR_PATTERN.test(bad), bad).toBe(false);
    }
  });
});

describe('menuTemplateSchema', () => {
  const item = { id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: true, group: 'edit' };

  it('takes a list of action items', () => {
    expect(menuTemplateSchema.safeParse([item, { ...item, id: 'view.toggleGrid', checked: true }]).success).toBe(true);
  });

  it('refuses duplicates, unknown fields, bad ids, groups and labels', () => {
    for (const bad of [
      [item, item],
      [{ ...item, click: 'x' }],
      [{ ...item, id: 'undo' }],
      [{ ...item, id: 'Edit.undo' }],
      [{ ...item, group: 'window' }],
      [{ ...item, label: '' }],
      [{ ...item, label: 'x'.repeat(101) }],
      [{ ...item, accelerator: 'Ctrl+Alt+Delete+Escape+Q+W' }],
      [{ ...item, enabled: 'yes' }],
      Array.from({ length: 301 }, (_, i) => ({ ...item, id: `edit.a${i}` })),
      'not a list',
    ]) {
      expect(menuTemplateSchema.safeParse(bad).success).toBe(false);
    }
  });
});

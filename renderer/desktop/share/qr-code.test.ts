import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { modulesFromPath, QR_MARGIN_MODULES, qrModules, qrPicture } from './qr-code';

const LINK = 'http://192.168.1.20:4455/b/retro?t=Zk3-q9_xYp';

/** The modules straight from the qrcode package's own matrix, for comparison. */
function packageModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => modules.data[row * modules.size + column] === 1),
  );
}

describe('qrPicture', () => {
  it('draws exactly the modules of the link’s QR code, inside a quiet zone', () => {
    const picture = qrPicture(LINK);
    const expected = packageModules(LINK);
    expect(picture.size).toBe(expected.length + 2 * QR_MARGIN_MODULES);
    expect(modulesFromPath(picture.path, picture.size)).toEqual(expected);
    expect(qrModules(LINK)).toEqual(expected);
  });

  it('differs for a link that differs only in its token', () => {
    const other = qrPicture(LINK.replace('Zk3', 'Zk4'));
    expect(other.path).not.toBe(qrPicture(LINK).path);
  });

  it('has the three finder patterns a reader looks for (dark 7×7 corners)', () => {
    const rows = qrModules(LINK);
    const last = rows.length - 1;
    for (const [row, column] of [
      [0, 0],
      [0, last - 6],
      [last - 6, 0],
    ] as const) {
      expect(rows[row]![column]).toBe(true);
      expect(rows[row + 6]![column + 6]).toBe(true);
      expect(rows[row + 1]![column + 1]).toBe(false);
      expect(rows[row + 3]![column + 3]).toBe(true);
    }
  });
});

describe('modulesFromPath', () => {
  it('refuses a module outside the code', () => {
    expect(() => modulesFromPath('M100 4h1v1h-1z', 29)).toThrow(/outside the code/);
  });
});

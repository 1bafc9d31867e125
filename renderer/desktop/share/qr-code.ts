import QRCode from 'qrcode';

/**
 * A QR code as an SVG path, drawn by React rather than handed over as markup:
 * one unit square per dark module, inside a quiet zone of QR_MARGIN_MODULES.
 * Medium error correction (about 15%) survives a phone camera at an angle.
 */
export const QR_MARGIN_MODULES = 4;

export interface QrPicture {
  /** Side of the picture in modules, quiet zone included (the SVG's viewBox). */
  size: number;
  /** `M x y h1v1h-1z` per dark module. */
  path: string;
}

/** The dark modules of `text`'s QR code, row by row (true = dark). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let row = 0; row < modules.size; row += 1) {
    const cells: boolean[] = [];
    for (let column = 0; column < modules.size; column += 1) cells.push(modules.get(row, column) === 1);
    rows.push(cells);
  }
  return rows;
}

export function qrPicture(text: string): QrPicture {
  const rows = qrModules(text);
  const parts: string[] = [];
  rows.forEach((cells, row) =>
    cells.forEach((dark, column) => {
      if (dark) parts.push(`M${column + QR_MARGIN_MODULES} ${row + QR_MARGIN_MODULES}h1v1h-1z`);
    }),
  );
  return { size: rows.length + 2 * QR_MARGIN_MODULES, path: parts.join('') };
}

/** The modules a picture's path draws, read back (for tests that check what is on screen). */
export function modulesFromPath(path: string, size: number): boolean[][] {
  const inner = size - 2 * QR_MARGIN_MODULES;
  const rows = Array.from({ length: inner }, () => Array.from({ length: inner }, () => false));
  for (const match of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const column = Number(match[1]) - QR_MARGIN_MODULES;
    const row = Number(match[2]) - QR_MARGIN_MODULES;
    const cells = rows[row];
    if (!cells || column < 0 || column >= inner) throw new Error(`a module outside the code at ${match[0]}`);
    cells[column] = true;
  }
  return rows;
}

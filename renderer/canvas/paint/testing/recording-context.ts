/**
 * A PaintContext for Node tests: it keeps the transform and style state a
 * canvas would and records every drawing call with the state it was made in,
 * so a test can ask what was drawn where, in which colour, in which order.
 */
import type { Matrix, PaintContext, PathSink } from '../paint-context';

export interface DrawCall {
  op: string;
  args: unknown[];
  transform: Matrix;
  fillStyle: unknown;
  strokeStyle: unknown;
  globalAlpha: number;
  lineDash: number[];
  textAlign: CanvasTextAlign;
}

/** Stands for an off-screen canvas: drawing it records which one it was. */
export interface FakeImage {
  name: string;
}

const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const DRAWING = new Set(['fill', 'stroke', 'fillRect', 'fillText', 'drawImage', 'clearRect']);

export class RecordingPath implements PathSink {
  readonly ops: string[] = [];
  moveTo(): void {
    this.ops.push('moveTo');
  }
  lineTo(): void {
    this.ops.push('lineTo');
  }
  quadraticCurveTo(): void {
    this.ops.push('quadraticCurveTo');
  }
  closePath(): void {
    this.ops.push('closePath');
  }
}

export class RecordingContext implements PaintContext<FakeImage> {
  readonly calls: DrawCall[] = [];
  globalAlpha = 1;
  imageSmoothingEnabled = true;
  fillStyle: string | CanvasGradient | CanvasPattern = '#000000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000000';
  lineWidth = 1;
  lineCap: CanvasLineCap = 'butt';
  lineJoin: CanvasLineJoin = 'miter';
  font = '10px sans-serif';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  textAlign: CanvasTextAlign = 'start';
  private transform: Matrix = { ...IDENTITY };
  private lineDash: number[] = [];
  private readonly stack: { transform: Matrix; globalAlpha: number; imageSmoothingEnabled: boolean }[] = [];

  /** Only the calls that put pixels down. */
  get draws(): DrawCall[] {
    return this.calls.filter((call) => DRAWING.has(call.op));
  }

  private record(op: string, args: unknown[]): void {
    this.calls.push({
      op,
      args,
      transform: { ...this.transform },
      fillStyle: this.fillStyle,
      strokeStyle: this.strokeStyle,
      globalAlpha: this.globalAlpha,
      lineDash: [...this.lineDash],
      textAlign: this.textAlign,
    });
  }

  setLineDash(segments: number[]): void {
    this.lineDash = [...segments];
  }

  save(): void {
    this.stack.push({
      transform: { ...this.transform },
      globalAlpha: this.globalAlpha,
      imageSmoothingEnabled: this.imageSmoothingEnabled,
    });
  }
  restore(): void {
    const top = this.stack.pop();
    if (!top) return;
    this.transform = top.transform;
    this.globalAlpha = top.globalAlpha;
    this.imageSmoothingEnabled = top.imageSmoothingEnabled;
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.transform = { a, b, c, d, e, f };
  }
  getTransform(): Matrix {
    return { ...this.transform };
  }
  drawImage(image: FakeImage, dx: number, dy: number, dw: number, dh: number): void {
    this.record('drawImage', [image.name, dx, dy, dw, dh]);
  }
  clearRect(...args: number[]): void {
    this.record('clearRect', args);
  }
  beginPath(): void {
    this.record('beginPath', []);
  }
  moveTo(...args: number[]): void {
    this.record('moveTo', args);
  }
  lineTo(...args: number[]): void {
    this.record('lineTo', args);
  }
  quadraticCurveTo(...args: number[]): void {
    this.record('quadraticCurveTo', args);
  }
  closePath(): void {
    this.record('closePath', []);
  }
  rect(...args: number[]): void {
    this.record('rect', args);
  }
  clip(): void {
    this.record('clip', []);
  }
  ellipse(...args: number[]): void {
    this.record('ellipse', args);
  }
  arc(...args: number[]): void {
    this.record('arc', args);
  }
  fill(path?: PathSink): void {
    this.record('fill', path ? [path] : []);
  }
  stroke(): void {
    this.record('stroke', []);
  }
  fillRect(...args: number[]): void {
    this.record('fillRect', args);
  }
  fillText(text: string, x: number, y: number): void {
    this.record('fillText', [text, x, y]);
  }
}

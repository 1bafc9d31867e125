/**
 * The part of CanvasRenderingContext2D the painter uses. Written out so the
 * painter's logic (culling, level of detail, what is drawn in which order)
 * can be tested in Node against a recording context; in the browser it is
 * the real 2D context of the static layer's canvas.
 */

/** Where a path is built: a Path2D in the browser. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  closePath(): void;
}

/** A 2D affine transform as canvas writes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** `Image` is what drawImage takes: a canvas in the browser, whatever a test records. */
export interface PaintContext<Image = CanvasImageSource> extends PathSink {
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  getTransform(): Matrix;
  drawImage(image: Image, dx: number, dy: number, dw: number, dh: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  /** Limits later drawing to the current path (a frame's members to the frame, a repaint to its dirty regions), until restore(). */
  clip(): void;
  ellipse(
    x: number,
    y: number,
    radiusX: number,
    radiusY: number,
    rotation: number,
    startAngle: number,
    endAngle: number,
  ): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  fill(path?: PathSink): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  globalAlpha: number;
  imageSmoothingEnabled: boolean;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
}

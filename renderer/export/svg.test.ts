import { describe, expect, it } from 'vitest';
import type { Shape } from '../../shared/model';
import { exampleShape, exampleShapes } from '../../shared/model/shapes/examples';
import { lineHeight, NOTE_PADDING, penOutline, shapeBounds, unionBoxes } from '../shapes';
import { DEFAULT_EXPORT_PADDING, NothingToExportError } from './frame';
import { shapesToSvg } from './svg';

const unescape = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
  );

/**
 * A strict enough XML reader for these documents: elements, attributes and
 * text, checking nesting, quoting and that text and attribute values hold no
 * raw markup. Returns the elements as a flat list with their depth, attribute
 * values unescaped (text is kept as written).
 */
interface Element {
  name: string;
  attrs: Record<string, string>;
  depth: number;
  text: string;
}
function parseXml(xml: string): Element[] {
  const elements: Element[] = [];
  const open: Element[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, attrText, selfClosing, text] = match;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`raw & in text: ${text}`);
      const parent = open.at(-1);
      if (parent) parent.text += text;
      else if (text.trim() !== '') throw new Error(`text outside the root: ${text}`);
      continue;
    }
    if (closing) {
      if (open.pop()?.name !== name) throw new Error(`</${name}> closes the wrong element`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key, value] of (attrText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (key! in attrs) throw new Error(`attribute ${key} twice`);
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(value!)) throw new Error(`raw & in ${key}`);
      attrs[key!] = unescape(value!);
    }
    const element = { name: name!, attrs, depth: open.length, text: '' };
    if (open.length === 0 && elements.length > 0) throw new Error('a second root element');
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  if (consumed !== body.length) throw new Error(`not XML from: ${body.slice(consumed, consumed + 40)}`);
  if (open.length > 0) throw new Error(`<${open.at(-1)?.name}> is never closed`);
  return elements;
}

/** The top-level shape elements, in document order. */
function shapeElements(shapes: readonly Shape[], options = {}): Element[] {
  return parseXml(shapesToSvg(shapes, options).svg).filter((element) => element.attrs['data-shape'] !== undefined);
}

function only(shape: Shape): Element {
  const [element, ...rest] = shapeElements([shape]);
  expect(rest).toEqual([]);
  return element!;
}

describe('shapesToSvg', () => {
  it('refuses to export nothing', () => {
    expect(() => shapesToSvg([])).toThrow(NothingToExportError);
    expect(() => shapesToSvg([])).toThrow('there is nothing to export: the board is empty');
  });

  it('writes a standalone, well-formed SVG document', () => {
    const { svg } = shapesToSvg(exampleShapes());
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(
      true,
    );
    const [root] = parseXml(svg);
    expect(root?.name).toBe('svg');
  });

  it('writes exactly one top-level element per shape, marked with its kind, in z-order (frames first)', () => {
    const shapes = exampleShapes().reverse(); // out of order on purpose
    const elements = parseXml(shapesToSvg(shapes).svg);
    const marked = elements.filter((element) => element.attrs['data-shape'] !== undefined);
    expect(marked.map((element) => element.attrs['data-shape'])).toEqual([
      'frame',
      'pen',
      'rect',
      'ellipse',
      'line',
      'arrow',
      'text',
      'note',
      'image',
    ]);
    expect(marked.every((element) => element.depth === 1)).toBe(true);
    // Besides the shapes, the root holds only the background and the frames' clip paths.
    expect(elements.filter((element) => element.depth === 1)).toHaveLength(marked.length + 2);
  });

  it('embeds an image as a data URL stretched over its box, or draws its placeholder without one', () => {
    const shape = exampleShape('image', { rotation: Math.PI / 2, opacity: 0.5 });
    const url = 'data:image/png;base64,iVBORw0KGgo=';
    const embedded = shapeElements([shape], { imageUrls: new Map([[shape.sha256, url]]) })[0]!;
    expect(embedded.name).toBe('image');
    expect(embedded.attrs).toMatchObject({
      'data-shape': 'image',
      href: url,
      width: '160',
      height: '90',
      preserveAspectRatio: 'none',
      transform: 'translate(10 20) rotate(90)',
      opacity: '0.5',
    });
    const missing = only(shape);
    expect(missing.name).toBe('rect');
    expect(missing.attrs).toMatchObject({ 'data-shape': 'image', width: '160', height: '90' });
  });

  describe('the frame', () => {
    it('spans the bounds of the shapes plus the padding, in board units', () => {
      const shapes = [exampleShape('rect', { id: 'a' }), exampleShape('ellipse', { id: 'b', x: 300, y: -40 })];
      const bounds = unionBoxes(shapes.map(shapeBounds))!;
      const { svg, width, height, view } = shapesToSvg(shapes);
      const pad = DEFAULT_EXPORT_PADDING;
      expect(view).toEqual({
        minX: bounds.minX - pad,
        minY: bounds.minY - pad,
        maxX: bounds.maxX + pad,
        maxY: bounds.maxY + pad,
      });
      expect(width).toBe(bounds.maxX - bounds.minX + 2 * pad);
      expect(height).toBe(bounds.maxY - bounds.minY + 2 * pad);
      const root = parseXml(svg)[0]!;
      expect(root.attrs).toMatchObject({
        width: String(width),
        height: String(height),
        viewBox: `${view.minX} ${view.minY} ${width} ${height}`,
      });
    });

    it('includes the stroke: a 120 × 80 rectangle with a 2 px stroke at (10, 20)', () => {
      const { view, width, height } = shapesToSvg([exampleShape('rect')], { padding: 0 });
      expect(view).toEqual({ minX: 9, minY: 19, maxX: 131, maxY: 101 });
      expect([width, height]).toEqual([122, 82]);
    });

    it('includes rotation: a square turned 45° is framed by its diagonal', () => {
      const square = exampleShape('rect', { x: 0, y: 0, w: 100, h: 100, rotation: Math.PI / 4 });
      const { width } = shapesToSvg([square], { padding: 0 });
      expect(width).toBeCloseTo(100 * Math.SQRT2 + 2, 6); // the diagonal, plus half the stroke on each side
    });

    it('paints a white background by default, another colour, or none', () => {
      const first = (options = {}) => parseXml(shapesToSvg([exampleShape('rect')], options).svg)[1]!;
      expect(first()).toMatchObject({
        name: 'rect',
        attrs: { x: '-7', y: '3', width: '154', height: '114', fill: '#ffffff' },
      });
      expect(first({ background: '#fdfdfc' }).attrs.fill).toBe('#fdfdfc');
      expect(first({ background: null }).attrs['data-shape']).toBe('rect');
    });
  });

  describe('each kind', () => {
    it('rect: a rect in its frame with fill, stroke and stroke width', () => {
      const element = only(exampleShape('rect', { style: { stroke: '#e03131', fill: '#2f9e44', strokeWidth: 4 } }));
      expect(element).toMatchObject({
        name: 'rect',
        attrs: {
          transform: 'translate(10 20)',
          width: '120',
          height: '80',
          fill: '#2f9e44',
          stroke: '#e03131',
          'stroke-width': '4',
        },
      });
      expect(element.attrs.opacity).toBeUndefined();
    });

    it('dashed and dotted outlines carry the canvas dash pattern; dots get round caps', () => {
      const style = { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 };
      expect(only(exampleShape('rect')).attrs['stroke-dasharray']).toBeUndefined();
      expect(only(exampleShape('rect', { style: { ...style, dash: 'dashed' } })).attrs).toMatchObject({
        'stroke-dasharray': '12 8',
      });
      expect(only(exampleShape('line', { style: { ...style, dash: 'dotted' } })).attrs).toMatchObject({
        'stroke-dasharray': '0 7',
        'stroke-linecap': 'round',
      });
    });

    it('text aligned to the centre or right is anchored there', () => {
      const shape = exampleShape('text', { text: 'Hi', w: 80, align: 'center' });
      expect(only(shape).attrs['text-anchor']).toBe('middle');
      expect(shapesToSvg([shape]).svg).toMatch(/<tspan x="40" /);
      expect(only(exampleShape('text', { align: 'right' })).attrs['text-anchor']).toBe('end');
    });

    it('rect without fill stays unfilled', () => {
      expect(only(exampleShape('rect')).attrs.fill).toBe('none');
    });

    it('ellipse: inscribed in its box', () => {
      expect(only(exampleShape('ellipse'))).toMatchObject({
        name: 'ellipse',
        attrs: {
          transform: 'translate(10 20)',
          cx: '30',
          cy: '20',
          rx: '30',
          ry: '20',
          fill: 'none',
          stroke: '#1e1e1e',
        },
      });
    });

    it('line: one stroked segment with round ends', () => {
      expect(only(exampleShape('line'))).toMatchObject({
        name: 'path',
        attrs: {
          d: 'M0 0L100 50',
          fill: 'none',
          stroke: '#1e1e1e',
          'stroke-width': '2',
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
        },
      });
    });

    it('arrow: the shaft and a two-wing head at each end that has one', () => {
      const arrow = (start: boolean, end: boolean) =>
        only(exampleShape('arrow', { arrowheads: { start, end } })).attrs.d!;
      // Wings 12 long (the minimum) at 30° from the shaft, as arrowheadWings draws them.
      const wing = { dx: 12 * Math.cos(Math.PI / 6), dy: 12 * Math.sin(Math.PI / 6) };
      const r = (n: number) => String(Number(n.toFixed(2)));
      expect(arrow(false, true)).toBe(
        `M0 0L100 0M${r(100 - wing.dx)} ${r(wing.dy)}L100 0L${r(100 - wing.dx)} ${r(-wing.dy)}`,
      );
      expect(arrow(false, false)).toBe('M0 0L100 0');
      expect(arrow(true, true).match(/M/g)).toHaveLength(3);
      expect(arrow(true, false)).toBe(`M0 0L100 0M${r(wing.dx)} ${r(-wing.dy)}L0 0L${r(wing.dx)} ${r(wing.dy)}`);
    });

    it('pen: the filled outline the board draws, traced with a curve per outline point', () => {
      const pen = exampleShape('pen', { style: { stroke: '#1971c2', fill: 'none', strokeWidth: 4 } });
      const element = only(pen);
      expect(element.name).toBe('path');
      expect(element.attrs.fill).toBe('#1971c2');
      expect(element.attrs.stroke).toBeUndefined();
      const d = element.attrs.d!;
      expect(d).toMatch(/^M[-\d. ]+(Q[-\d. ]+)+Z$/);
      expect(d.match(/Q/g)).toHaveLength(penOutline(pen.points, 4).length / 2);
    });

    it('pen: a single point is still drawn (as a dot)', () => {
      const element = only(exampleShape('pen', { points: [5, 5, 0.5] }));
      expect(['path', 'circle']).toContain(element.name);
      expect(element.attrs.fill).toBe('#1e1e1e');
    });

    it('text: one line per line break, in the stroke colour, font and size, spaces kept', () => {
      const element = only(exampleShape('text', { text: 'one\n  two  \n', fontSize: 20 }));
      expect(element.name).toBe('text');
      expect(element.attrs).toMatchObject({
        fill: '#1e1e1e',
        'font-size': '20',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'dominant-baseline': 'central',
        'xml:space': 'preserve',
      });
      const { svg } = shapesToSvg([exampleShape('text', { text: 'one\n  two  \n', fontSize: 20 })]);
      const tspans = [...svg.matchAll(/<tspan x="([^"]*)" y="([^"]*)">([^<]*)<\/tspan>/g)];
      const step = lineHeight(20);
      expect(tspans.map(([, x, y, text]) => [x, Number(y), text])).toEqual([
        ['0', step / 2, 'one'],
        ['0', step * 1.5, '  two  '],
        ['0', step * 2.5, ''],
      ]);
    });

    it('note: the card in its colour and its wrapped text inside the padding, cut to what fits', () => {
      const note = exampleShape('note', {
        text: 'the quick brown fox jumps over the lazy dog',
        w: 120, // 96 wide inside the padding: 8 characters of the estimate at 20 px
        h: 2 * NOTE_PADDING + 3 * lineHeight(20),
        fontSize: 20,
      });
      const { svg } = shapesToSvg([note]);
      const group = parseXml(svg).find((element) => element.attrs['data-shape'] === 'note')!;
      expect(group.name).toBe('g');
      expect(svg).toContain(`<rect width="120" height="99" fill="#ffd966"/>`);
      const lines = [...svg.matchAll(/<tspan x="12" y="([^"]*)">([^<]*)<\/tspan>/g)].map(([, y, text]) => [
        Number(y),
        text,
      ]);
      expect(lines).toEqual([
        [NOTE_PADDING + 12.5, 'the'],
        [NOTE_PADDING + 37.5, 'quick'],
        [NOTE_PADDING + 62.5, 'brown…'],
      ]);
      expect(svg).toMatch(/<text [^>]*fill="#1e1e1e"/);
    });

    it('labels: a labelled box is a group of its body and its label as real text, centred in its stroke colour', () => {
      const rect = exampleShape('rect', {
        w: 200,
        h: 100,
        label: 'Start <here>',
        style: { stroke: '#e03131', fill: 'none', strokeWidth: 2 },
      });
      const { svg } = shapesToSvg([rect]);
      const group = parseXml(svg).find((element) => element.attrs['data-shape'] === 'rect')!;
      expect(group.name).toBe('g');
      expect(group.attrs.transform).toBe('translate(10 20)');
      expect(svg).toContain('<rect width="200" height="100" fill="none" stroke="#e03131" stroke-width="2"/>');
      expect(svg).toMatch(/<text [^>]*font-size="20" fill="#e03131" text-anchor="middle"/);
      expect(svg).toContain(`<tspan x="100" y="50">Start &lt;here&gt;</tspan>`);
      // Without a label a rectangle is one element, as before labels.
      expect(only(exampleShape('rect')).name).toBe('rect');
    });

    it('labels: an arrow leaves a gap in its shaft around its label', () => {
      const arrow = exampleShape('arrow', {
        points: [0, 0, 400, 0],
        label: 'yes',
        arrowheads: { start: false, end: false },
      });
      const { svg } = shapesToSvg([arrow]);
      const d = /<path [^>]*d="([^"]*)"/.exec(svg)?.[1] ?? '';
      expect(d.match(/M/g)).toHaveLength(2);
      expect(d.startsWith('M0 0L1')).toBe(true);
      expect(d).toMatch(/L400 0$/);
      expect(svg).toContain('>yes</tspan>');
    });

    it('note: an empty note is just its card', () => {
      const { svg } = shapesToSvg([exampleShape('note', { text: '' })]);
      expect(svg).not.toContain('<text');
      expect(parseXml(svg).filter((element) => element.attrs['data-shape'])).toHaveLength(1);
    });
  });

  describe('placement and style', () => {
    it('turns a shape about its (x, y) by its rotation, in degrees', () => {
      expect(only(exampleShape('rect', { rotation: Math.PI / 2 })).attrs.transform).toBe('translate(10 20) rotate(90)');
      expect(only(exampleShape('ellipse', { rotation: -Math.PI / 6 })).attrs.transform).toBe(
        'translate(10 20) rotate(-30)',
      );
      expect(only(exampleShape('note', { rotation: 1 })).attrs.transform).toBe('translate(10 20) rotate(57.2958)');
      expect(only(exampleShape('text', { rotation: Math.PI })).attrs.transform).toBe('translate(10 20) rotate(180)');
    });

    it('carries opacity on the shape element, and only when it is below 1', () => {
      expect(only(exampleShape('rect', { opacity: 0.5 })).attrs.opacity).toBe('0.5');
      expect(only(exampleShape('note', { opacity: 0.25 })).attrs.opacity).toBe('0.25');
      expect(only(exampleShape('rect', { opacity: 0 })).attrs.opacity).toBe('0');
      expect(only(exampleShape('line')).attrs.opacity).toBeUndefined();
    });

    it('rounds coordinates to hundredths', () => {
      expect(only(exampleShape('rect', { x: 1 / 3, y: -2 / 3, w: 10.005 })).attrs).toMatchObject({
        transform: 'translate(0.33 -0.67)',
      });
    });
  });

  describe('text is escaped', () => {
    const nasty = `</text></svg><script>alert("x")</script> & 'quotes' &amp;`;

    it.each(['text', 'note'] as const)('in a %s: markup stays text, and the document stays well-formed', (type) => {
      const { svg } = shapesToSvg([exampleShape(type, { text: nasty, w: 2000, h: 500 })]);
      const elements = parseXml(svg); // throws on anything malformed
      expect(elements.some((element) => element.name === 'script')).toBe(false);
      expect(svg).not.toContain('<script');
      const tspan = elements.find((element) => element.name === 'tspan')!;
      expect(unescape(tspan.text)).toBe(nasty);
    });

    it('drops characters XML cannot carry instead of writing a broken file', () => {
      const { svg } = shapesToSvg([exampleShape('text', { text: 'bell\u0007 null\u0000 lone\uD800 ok 👋' })]);
      parseXml(svg);
      expect(svg).toContain('>bell null lone ok 👋</tspan>');
    });
  });
});

describe('frames in the SVG', () => {
  it('draws a frame with its escaped name under its members, each member clipped to it, framed by the view given', () => {
    const frame = exampleShape('frame', { id: 'f1', index: 'a5', name: 'Plan <b>', x: 0, y: 0, w: 100, h: 80 });
    const member = exampleShape('rect', { id: 'm1', index: 'a1', frameId: 'f1', x: 50, y: 10, w: 200, h: 20 });
    const loose = exampleShape('rect', { id: 'r1', index: 'a2', x: 300, y: 10 });
    const view = { minX: 0, minY: 0, maxX: 100, maxY: 80 };
    const { svg, width, height } = shapesToSvg([member, loose, frame], { view });
    expect([width, height]).toEqual([100, 80]);
    expect(svg).toContain('Plan &lt;b&gt;');
    expect(svg.indexOf('data-shape="frame"')).toBeLessThan(svg.indexOf('data-shape="rect"'));
    expect(svg).toContain('<clipPath id="easel-frame-f1" clipPathUnits="userSpaceOnUse">');
    expect(svg).toMatch(/<g clip-path="url\(#easel-frame-f1\)"><rect[^>]*data-shape="rect"[^>]*translate\(50 10\)/);
    // The loose rectangle is not clipped.
    expect(svg).not.toMatch(/clip-path="url\(#easel-frame-f1\)"><rect[^>]*translate\(300 10\)/);
  });
});

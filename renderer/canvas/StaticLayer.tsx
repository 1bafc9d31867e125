/**
 * The static canvas (docs/ARCHITECTURE.md#canvas): every shape on the board, in z-order,
 * culled to what the screen shows. It is one Konva shape whose scene function
 * draws a cached snapshot of the board (paint/scene-cache.ts) painted with
 * the 2D canvas API, not a Konva node and a React element per shape: at
 * 10,000 shapes the per-node bookkeeping, not the drawing, made panning slow.
 * React re-renders it only when the doc changes (a new version of the
 * index) or the set of shapes a gesture hides or fades changes; panning and
 * zooming redraw the Konva layer without React.
 */
import type Konva from 'konva';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { Layer, Shape as KonvaShape } from 'react-konva';
import { createCanvasSurface, createPath2D } from './paint/canvas-surface';
import { SceneCache, type ShapeSource } from './paint/scene-cache';
import type { ColourMap } from '../theme/canvas-colours';
import type { ImageSource } from './paint/paint-image';

export interface StaticLayerProps {
  /** The board's shapes, indexed (live-shapes.ts): the cache repaints what changed since its snapshot. */
  shapes: ShapeSource;
  /** The source's version: a new one redraws the layer. */
  version: number;
  /** Shapes a transform preview is drawing instead (comma-joined ids, so the memo compares strings). */
  hiddenKey: string;
  /** Shapes the eraser has marked. */
  fadedKey: string;
  /** The theme's colours (renderer/theme/canvas-colours.ts). */
  colours: ColourMap;
  /** Decoded pictures of image shapes, and a number bumped when one arrives (which repaints). */
  images?: ImageSource;
  imagesVersion: number;
}

const idSet = (key: string): ReadonlySet<string> => new Set(key ? key.split(',') : []);

export const StaticLayer = memo(function StaticLayer({
  shapes,
  version,
  hiddenKey,
  fadedKey,
  colours,
  images,
  imagesVersion,
}: StaticLayerProps) {
  const hidden = useMemo(() => idSet(hiddenKey), [hiddenKey]);
  const faded = useMemo(() => idSet(fadedKey), [fadedKey]);
  const cache = useMemo(
    () =>
      new SceneCache({ createSurface: createCanvasSurface, createPath: createPath2D, now: () => performance.now() }),
    [],
  );
  const layer = useRef<Konva.Layer>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const canvas = context.canvas;
      const content = { shapes, hidden, faded, colours, images, imagesVersion };
      const busy = cache.draw(context._context, canvas.width, canvas.height, content);
      // A background repaint continues next frame even if nothing else asks for one.
      if (busy && frame.current === 0) {
        frame.current = requestAnimationFrame(() => {
          frame.current = 0;
          layer.current?.batchDraw();
        });
      }
    },
    // `version` is not read here, but a new one must give Konva a new scene function to draw.
    [cache, shapes, version, hidden, faded, colours, images, imagesVersion],
  );
  return (
    <Layer ref={layer} listening={false}>
      <KonvaShape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
});

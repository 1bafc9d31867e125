import type Konva from 'konva';
import { useCallback } from 'react';
import { Shape as KonvaShape } from 'react-konva';
import type { DraftOf } from '../../shapes';
import { paintImage } from '../paint/paint-image';
import { placement, type ViewProps } from './common';
import { useImageSource } from './images-context';

/** An image while a gesture moves it: the painter's own drawing (paint-image.ts) inside a Konva shape. */
export function ImageView({ shape, faded }: ViewProps<DraftOf<'image'>>) {
  const images = useImageSource();
  const sceneFunc = useCallback(
    (context: Konva.Context, node: Konva.Shape) => {
      const transform = node.getAbsoluteTransform().getMatrix();
      const zoom = Math.hypot(transform[0] ?? 1, transform[1] ?? 0);
      paintImage(context._context, shape, zoom, images);
    },
    [shape, images],
  );
  return <KonvaShape {...placement(shape, faded)} sceneFunc={sceneFunc} perfectDrawEnabled={false} />;
}

/**
 * What the interactive layer draws for connectors (docs/ARCHITECTURE.md#canvas): the outline
 * of the shape an end is about to bind to, and a handle on each point of the
 * one selected line or arrow (tools/select/connector-points.ts grabs them).
 */
import { Circle, Ellipse, Rect } from 'react-konva';
import type { Shape } from '../../shared/model';
import { bindTargetOf } from '../shapes/connectors';
import { connectorHandles, soleConnector } from '../tools/select/connector-points';

const HIGHLIGHT = '#2f80ed';
const HIGHLIGHT_PX = 3;
const POINT_HANDLE_PX = 9;

/** The target's outline, thick and in the accent colour, turned as the shape is. */
export function BindHighlight({ shape, zoom }: { shape: Shape; zoom: number }) {
  const target = bindTargetOf(shape);
  if (!target) return null;
  const common = {
    x: target.x,
    y: target.y,
    rotation: (target.rotation * 180) / Math.PI,
    stroke: HIGHLIGHT,
    strokeWidth: HIGHLIGHT_PX / zoom,
    opacity: 0.7,
  };
  if (target.outline === 'ellipse') {
    return (
      <Ellipse
        {...common}
        offsetX={-target.w / 2}
        offsetY={-target.h / 2}
        radiusX={target.w / 2}
        radiusY={target.h / 2}
      />
    );
  }
  return <Rect {...common} width={target.w} height={target.h} />;
}

/** A round handle on every point of the one selected connector; nothing for any other selection. */
export function ConnectorPointHandles({ selected, zoom }: { selected: readonly Shape[]; zoom: number }) {
  const connector = soleConnector(selected);
  if (!connector) return null;
  return connectorHandles(connector).map(({ index, point }) => (
    <Circle
      key={index}
      x={point.x}
      y={point.y}
      radius={POINT_HANDLE_PX / 2 / zoom}
      fill="#fff"
      stroke={HIGHLIGHT}
      strokeWidth={1.5 / zoom}
    />
  ));
}

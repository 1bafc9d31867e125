/** Connectors: lines and arrows whose ends bind to shapes (docs/ARCHITECTURE.md#board-model). */
export { ELBOW_STUB, elbowRoute, facingSide, mainAxisHeading, type ElbowEnd, type Heading } from './elbow';
export { anchorAt, anchorPoint, BINDING_GAP, bindTargetOf, boundEnd, type BindTarget } from './outline';
export {
  boundIds,
  drawnPath,
  isConnector,
  isDerived,
  resolveConnector,
  type Connector,
  type ShapeLookup,
} from './resolve';

/** The theme's colours for the Konva views (previews, gestures), as the static layer paints them. */
import { createContext, useContext } from 'react';
import { type ColourMap, identityColours } from '../../theme/canvas-colours';

export const CanvasColoursContext = createContext<ColourMap>(identityColours);

export function useCanvasColours(): ColourMap {
  return useContext(CanvasColoursContext);
}

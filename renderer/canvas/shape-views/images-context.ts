/** Decoded pictures for the Konva views (a transform preview of an image), as the static layer paints them. */
import { createContext, useContext } from 'react';
import type { ImageSource } from '../paint/paint-image';

export const ImageSourceContext = createContext<ImageSource | undefined>(undefined);

export function useImageSource(): ImageSource | undefined {
  return useContext(ImageSourceContext);
}

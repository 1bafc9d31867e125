import { useMemo } from 'react';
import { qrPicture } from './qr-code';

/** `link` as a QR code: an SVG path (no markup strings, no data: URL), crisp at any size. */
export function QrCode({ link, sizePx = 200 }: { link: string; sizePx?: number }) {
  const picture = useMemo(() => qrPicture(link), [link]);
  return (
    <svg
      role="img"
      aria-label={`QR code of ${link}`}
      data-testid="share-qr"
      width={sizePx}
      height={sizePx}
      viewBox={`0 0 ${picture.size} ${picture.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={picture.size} height={picture.size} fill="#fff" />
      <path d={picture.path} fill="#000" />
    </svg>
  );
}

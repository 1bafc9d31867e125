import { fileURLToPath } from 'node:url';

const notBundled = fileURLToPath(new URL('./not-bundled.ts', import.meta.url));

/**
 * jsPDF (the PDF export, renderer/export/pdf.ts) imports html2canvas and
 * DOMPurify for its html() and canvg for addSvgAsImage() when they are
 * called; Easel calls neither (svg2pdf.js draws the SVG as vectors). Aliased
 * to a module that throws, they are not built into chunks that the browser
 * client's service worker would still fetch ahead (about 230 KB gzip).
 */
export const OPTIONAL_MODULES_NOT_BUNDLED: Record<string, string> = Object.fromEntries(
  ['html2canvas', 'dompurify', 'canvg'].map((name) => [name, notBundled]),
);

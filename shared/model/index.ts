export * from './board-file';
export { fromBase64, MAX_EMBEDDED_FILES, toBase64 } from './board-file-images';
export * from './fractional-index';
export * from './limits';
export * from './shape-id';
export * from './shapes';
export * from './board-meta';
export * from './board-doc-layout';

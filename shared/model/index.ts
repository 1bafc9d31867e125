export * from './board-file';
export * from './fractional-index';
export * from './limits';
export * from './shape-id';
export * from './shapes';
export * from './board-meta';
export * from './board-doc-layout';

export * from './api';
export * from './channels';
export * from './contract';
export * from './links';
export * from './menu';
export * from './schemas';
export * from './updates';

export * from './binary';
export * from './errors';
export * from './events';
export * from './limits';
export * from './origins';
export * from './schemas';
export * from './version';
export * from './presence';

export type { BoardStorage, BoardStore, OpenedBoard } from './types';
export { FileBoardStore, type FileBoardStoreOptions, type StorageLogger } from './file-store';
export { MemoryBoardStore } from './memory-store';

export {
  BoardSync,
  type BoardStatus,
  type BoardSyncEvents,
  type BoardSyncOptions,
  type EpochMismatch,
} from './board-sync';
export { AWARENESS_THROTTLE_MS } from './constants';
export { SyncClient, type ConnectionState, type ConnectionStatus, type SyncClientOptions } from './sync-client';

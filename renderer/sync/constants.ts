/** Awareness (cursor, selection, gesture) goes out at most this often: ~30 fps. */
export const AWARENESS_THROTTLE_MS = 33;
/** First reconnect delay; doubles per failed attempt, with jitter. */
export const RECONNECT_MIN_MS = 250;
/** Reconnect delays never grow past this (ms). */
export const RECONNECT_MAX_MS = 5_000;
/** A join (sync step 1/2) that has not been answered by then is retried (ms). */
export const JOIN_TIMEOUT_MS = 15_000;
/** An update ack that has not come by then is left to the next resync (ms). */
export const UPDATE_ACK_TIMEOUT_MS = 30_000;
/** After an error ack that may pass (UNAVAILABLE, RATE_LIMITED, INTERNAL), resync after this (ms). */
export const RESYNC_AFTER_ERROR_MS = 1_000;

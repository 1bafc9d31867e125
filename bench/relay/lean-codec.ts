/**
 * The Socket.IO v4 packet format (socket.io-parser 4.x), for lean-socket.ts.
 * A packet travels as one Engine.IO `message` (text frame, prefix `4`):
 *
 *   <type>[<attachments>-][<nsp>,][<ackId>][<JSON>]
 *
 * types: 0 CONNECT, 1 DISCONNECT, 2 EVENT, 3 ACK, 4 CONNECT_ERROR,
 * 5 BINARY_EVENT, 6 BINARY_ACK. A binary packet's JSON holds
 * `{"_placeholder":true,"num":i}` where attachment i goes; the attachments
 * follow as that many binary WebSocket frames, in order.
 */
export const PacketType = {
  connect: 0,
  disconnect: 1,
  event: 2,
  ack: 3,
  connectError: 4,
  binaryEvent: 5,
  binaryAck: 6,
} as const;

export interface Packet {
  type: number;
  /** Binary frames that follow (0 for a plain packet). */
  attachments: number;
  /** Ack id, or -1 when there is none. */
  id: number;
  /** The parsed JSON, still with placeholders; undefined when there was none. */
  data: unknown;
}

/** At most this many attachments per packet (socket.io-parser's default maxAttachments). */
const MAX_ATTACHMENTS = 10;

const ZERO = 48;
const isDigit = (code: number) => code >= ZERO && code <= ZERO + 9;

/** Decodes a Socket.IO packet (the text after Engine.IO's `4`); throws on anything it does not understand. */
export function decodePacket(text: string): Packet {
  const type = text.charCodeAt(0) - ZERO;
  if (!(type >= PacketType.connect && type <= PacketType.binaryAck)) throw new Error(`unknown packet type in ${text}`);
  let i = 1;
  let attachments = 0;
  if (type === PacketType.binaryEvent || type === PacketType.binaryAck) {
    const start = i;
    while (isDigit(text.charCodeAt(i))) i++;
    attachments = Number(text.slice(start, i));
    if (i === start || text[i] !== '-' || attachments < 1 || attachments > MAX_ATTACHMENTS) {
      throw new Error(`bad attachment count in ${text}`);
    }
    i++;
  }
  if (text[i] === '/') throw new Error(`packet for a namespace other than "/": ${text}`);
  let id = -1;
  const idStart = i;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i > idStart) id = Number(text.slice(idStart, i));
  const data: unknown = i < text.length ? JSON.parse(text.slice(i)) : undefined;
  return { type, attachments, id, data };
}

/**
 * Encodes an EVENT (or BINARY_EVENT when `payload` holds bytes) of `event`
 * with one argument: the text frame, then the binary frames to send after it.
 */
export function encodeEvent(event: string, payload: unknown, ackId: number): { text: string; binary: Uint8Array[] } {
  const binary: Uint8Array[] = [];
  const json = JSON.stringify([event, deconstruct(payload, binary)]);
  const id = ackId >= 0 ? String(ackId) : '';
  const head = binary.length > 0 ? `${PacketType.binaryEvent}${binary.length}-` : String(PacketType.event);
  return { text: `4${head}${id}${json}`, binary };
}

/** Replaces every Uint8Array in `value` by a placeholder, collecting the bytes in `binary`. */
function deconstruct(value: unknown, binary: Uint8Array[]): unknown {
  if (value instanceof Uint8Array) {
    binary.push(value);
    return { _placeholder: true, num: binary.length - 1 };
  }
  if (Array.isArray(value)) return value.map((item: unknown) => deconstruct(item, binary));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = deconstruct(item, binary);
    return out;
  }
  return value;
}

/** Puts the attachments back where the placeholders are; every attachment must be used exactly once. */
export function reconstruct(data: unknown, binary: Uint8Array[]): unknown {
  const used = new Set<number>();
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (record._placeholder === true) {
      const num = record.num;
      if (typeof num !== 'number' || !Number.isInteger(num) || num < 0 || num >= binary.length || used.has(num)) {
        throw new Error(`bad attachment placeholder ${JSON.stringify(value)}`);
      }
      used.add(num);
      return binary[num];
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = walk(item);
    return out;
  };
  const result = walk(data);
  if (used.size !== binary.length) throw new Error(`${binary.length - used.size} attachment(s) without a placeholder`);
  return result;
}

/** `http://host:port` → the Engine.IO v4 WebSocket endpoint of that relay. */
export function engineUrl(url: string): string {
  const target = new URL('/socket.io/', url);
  target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
  target.search = 'EIO=4&transport=websocket';
  return target.href;
}

/** From Engine.IO's open packet (`0{"sid":…,"pingInterval":…,"pingTimeout":…}`): how long the server may stay silent. */
export function heartbeatOf(open: string): number {
  const { pingInterval, pingTimeout } = JSON.parse(open.slice(1)) as { pingInterval?: unknown; pingTimeout?: unknown };
  if (typeof pingInterval !== 'number' || typeof pingTimeout !== 'number') {
    throw new Error(`open packet without heartbeat: ${open}`);
  }
  return pingInterval + pingTimeout;
}

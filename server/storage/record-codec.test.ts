import { describe, expect, it } from 'vitest';
import {
  FormatError,
  LOG_HEADER_BYTES,
  decodeSnapshot,
  encodeLogHeader,
  encodeRecord,
  encodeSnapshot,
  logFileName,
  parseLog,
  parseLogFileName,
} from './record-codec';

const payloads = [Buffer.from('first'), Buffer.from(''), Buffer.from('third record')];
const log = Buffer.concat([encodeLogHeader(7), ...payloads.map(encodeRecord)]);

describe('record codec', () => {
  it('names log files by zero-padded generation and parses the names back', () => {
    expect(logFileName(42)).toBe('log-0000000042.bin');
    expect(parseLogFileName('log-0000000042.bin')).toBe(42);
    expect(parseLogFileName('log-42.bin')).toBeUndefined();
    expect(parseLogFileName('log-9999999999.bin')).toBeUndefined(); // beyond u32
  });

  it('round-trips a snapshot and checks its generation with the payload', () => {
    const snapshot = encodeSnapshot(3, Buffer.from('state'));
    expect(decodeSnapshot(snapshot)).toEqual({ logGeneration: 3, payload: Buffer.from('state') });
    const otherGeneration = Buffer.from(snapshot);
    otherGeneration.writeUInt32LE(4, 12);
    expect(() => decodeSnapshot(otherGeneration)).toThrow(FormatError);
  });

  it('parses every record of a whole log', () => {
    expect(parseLog(log, 7, false)).toEqual({ records: payloads, goodEnd: log.length });
  });

  it('reports a torn tail of the last log with where the good records end', () => {
    const torn = log.subarray(0, log.length - 3);
    const lastRecordStart = log.length - encodeRecord(payloads[2] ?? Buffer.alloc(0)).length;
    expect(parseLog(torn, 7, true)).toMatchObject({ records: payloads.slice(0, 2), goodEnd: lastRecordStart });
    expect(() => parseLog(torn, 7, false)).toThrow(/not the last log/);
  });

  it('treats a checksum failure followed by more records as corruption', () => {
    const damaged = Buffer.from(log);
    damaged[LOG_HEADER_BYTES + 8] = 0;
    expect(() => parseLog(damaged, 7, true)).toThrow(/checksum at offset 16 with data after it/);
  });

  it('refuses a header naming another generation', () => {
    expect(() => parseLog(log, 8, true)).toThrow(/generation 7/);
  });
});

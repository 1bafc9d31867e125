import { describe, expect, it } from 'vitest';
import { parseJoinInput, relayInfoSchema, shareStatusSchema } from '../../../shared/desktop';
import type { LanAddress } from '../lan/lan-addresses';
import type { RelayHostSnapshot } from './relay-host';
import { relayInfoOf, shareStatusOf } from './relay-views';

const lan: LanAddress[] = [
  { address: '192.168.1.20', family: 'IPv4', interfaceName: 'wlan0', virtual: false },
  { address: 'fd12::20', family: 'IPv6', interfaceName: 'wlan0', virtual: false },
];
const shared: RelayHostSnapshot = {
  state: 'running',
  url: 'http://127.0.0.1:4455',
  hostToken: 'host-secret',
  share: { port: 4455, guests: 2 },
};

describe('relay views', () => {
  it('gives the renderer the loopback URL and the host token', () => {
    const info = relayInfoOf(shared);
    expect(info).toEqual({ state: 'running', url: 'http://127.0.0.1:4455', token: 'host-secret', sharing: true });
    expect(relayInfoSchema.parse(info)).toEqual(info);
    expect(relayInfoOf({ ...shared, share: null, state: 'restarting', error: 'crashed' })).toMatchObject({
      sharing: false,
      error: 'crashed',
    });
  });

  it('lists the relay address of each LAN interface, and no token', () => {
    const status = shareStatusOf(shared, lan, { advertised: true, webClient: true });
    expect(shareStatusSchema.parse(status)).toEqual(status);
    if (!status.sharing) throw new Error('expected sharing');
    expect(status).toMatchObject({ port: 4455, guests: 2, advertised: true });
    expect(status.addresses.map((a) => a.relayUrl)).toEqual(['http://192.168.1.20:4455', 'http://[fd12::20]:4455']);
    for (const address of status.addresses) {
      expect(parseJoinInput(address.relayUrl)).toMatchObject({ ok: true, target: { relayUrl: address.relayUrl } });
    }
    expect(JSON.stringify(status)).not.toContain('host-secret');
  });

  it('says not sharing when the relay is on loopback', () => {
    expect(shareStatusOf({ ...shared, share: null }, lan, { advertised: false, webClient: true })).toEqual({
      sharing: false,
    });
  });
});

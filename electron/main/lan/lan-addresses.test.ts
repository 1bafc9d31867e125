import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, type NetworkInterfaces } from './lan-addresses';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  family: 'IPv4',
  internal,
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:00',
  cidr: `${address}/24`,
});
const v6 = (address: string, scopeid = 0, internal = false): NetworkInterfaceInfo => ({
  address,
  family: 'IPv6',
  internal,
  netmask: 'ffff:ffff:ffff:ffff::',
  mac: '00:00:00:00:00:00',
  cidr: `${address}/64`,
  scopeid,
});

const addressesOf = (interfaces: NetworkInterfaces) => lanAddresses(interfaces).map((entry) => entry.address);

describe('lanAddresses', () => {
  it('lists private addresses first, then others, then container bridges; no IPv6, which the shared relay does not listen on', () => {
    const interfaces: NetworkInterfaces = {
      lo: [v4('127.0.0.1', true), v6('::1', 0, true)],
      docker0: [v4('172.17.0.1')],
      tailscale0: [v4('100.101.102.103'), v6('fd7a:115c:a1e0::1')],
      wlan0: [v4('192.168.1.20'), v6('2001:db8::20'), v6('fe80::1c2b:3cff:fe4d:5e6f', 3)],
      eth0: [v4('10.0.0.5')],
    };
    expect(addressesOf(interfaces)).toEqual(['192.168.1.20', '10.0.0.5', '100.101.102.103', '172.17.0.1']);
    expect(lanAddresses(interfaces).at(-1)).toEqual({
      address: '172.17.0.1',
      family: 'IPv4',
      interfaceName: 'docker0',
      virtual: true,
    });
    expect(lanAddresses(interfaces)[0]).toMatchObject({ interfaceName: 'wlan0', virtual: false });
  });

  it('skips loopback, link-local, veth ends and duplicates', () => {
    expect(
      addressesOf({
        lo: [v4('127.0.0.1', true)],
        eth0: [v4('169.254.10.20'), v6('fe80::1', 2)],
        veth12ab: [v4('192.168.99.1')],
        en0: [v4('192.168.1.7')],
        en1: [v4('192.168.1.7')],
      }),
    ).toEqual(['192.168.1.7']);
  });

  it('knows 172.16/12 from other 172 addresses, and bridges by name', () => {
    expect(
      addressesOf({ 'br-0a1b2c3d4e5f': [v4('172.18.0.1')], eth0: [v4('172.32.0.9')], eth1: [v4('172.31.4.4')] }),
    ).toEqual(['172.31.4.4', '172.32.0.9', '172.18.0.1']);
  });

  it('returns nothing when there is no LAN', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
    expect(lanAddresses({})).toEqual([]);
  });
});

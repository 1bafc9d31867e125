import { describe, expect, it } from 'vitest';
import type { ShareAddress } from '../../../shared/desktop';
import {
  advertisedText,
  firewallNote,
  defaultQrLink,
  guestsText,
  keepQrLink,
  nextPort,
  orderAddresses,
  readPortInput,
  sharingIndicator,
  stoppedText,
  type ActiveShare,
} from './share-model';
import { offeredLinks } from './link-passes';

const address = (over: Partial<ShareAddress> & Pick<ShareAddress, 'address'>): ShareAddress => ({
  family: 'IPv4',
  interfaceName: 'eth0',
  virtual: false,
  relayUrl: `http://${over.address}:4455`,
  ...over,
});

const sharing = (over: Partial<ActiveShare> = {}): ActiveShare => ({
  sharing: true,
  port: 4455,
  addresses: [address({ address: '192.168.1.20' })],
  guests: 0,
  advertised: true,
  webClient: true,
  ...over,
});

describe('guests and the header indicator', () => {
  it('counts guests in words', () => {
    expect(guestsText(0)).toBe('No guests yet');
    expect(guestsText(1)).toBe('1 guest');
    expect(guestsText(3)).toBe('3 guests');
  });

  it('shows "Sharing · N guests" only while sharing', () => {
    expect(sharingIndicator(null)).toBeNull();
    expect(sharingIndicator({ sharing: false })).toBeNull();
    expect(sharingIndicator(sharing({ guests: 2 }))).toBe('Sharing · 2 guests');
    expect(sharingIndicator(sharing({ guests: 1 }))).toBe('Sharing · 1 guest');
    expect(sharingIndicator(sharing())).toBe('Sharing · 0 guests');
  });
});

describe('orderAddresses', () => {
  it('lists real interfaces first, IPv4 before IPv6, virtual bridges last, otherwise in the given order', () => {
    const ordered = orderAddresses([
      address({ address: '172.17.0.1', interfaceName: 'docker0', virtual: true }),
      address({ address: 'fe80::1', family: 'IPv6' }),
      address({ address: '192.168.1.20' }),
      address({ address: '10.0.0.5', interfaceName: 'wlan0' }),
      address({ address: 'fd00::2', family: 'IPv6', virtual: true }),
    ]);
    expect(ordered.map((entry) => entry.address)).toEqual([
      '192.168.1.20',
      '10.0.0.5',
      'fe80::1',
      '172.17.0.1',
      'fd00::2',
    ]);
  });
});

const EDIT_TOKEN = `${'e'.repeat(16)}.${'s'.repeat(43)}`;
const VIEW_TOKEN = `${'v'.repeat(16)}.${'s'.repeat(43)}`;
const links = {
  editor: { id: 'e'.repeat(16), token: EDIT_TOKEN },
  viewer: { id: 'v'.repeat(16), token: VIEW_TOKEN },
};

describe('the links and which one the QR code shows', () => {
  it('offers the Edit link then the View link of an address, each for the browser and the app', () => {
    const offered = offeredLinks('http://192.168.1.20:4455', 'retro', links);
    expect(offered.map((link) => [link.label, link.http])).toEqual([
      ['Edit link', `http://192.168.1.20:4455/b/retro?t=${EDIT_TOKEN}`],
      ['View link', `http://192.168.1.20:4455/b/retro?t=${VIEW_TOKEN}`],
    ]);
    expect(offered[1]?.easel).toBe(
      `easel://join?relay=http%3A%2F%2F192.168.1.20%3A4455&board=retro&t=${encodeURIComponent(VIEW_TOKEN)}`,
    );
  });

  it('starts with the first link offered, keeps a picked one while it is offered, and falls back when it is not', () => {
    const offered = offeredLinks('http://192.168.1.20:4455', 'retro', links);
    expect(defaultQrLink(offered)).toBe(offered[0]?.http);
    expect(defaultQrLink([])).toBeNull();
    const viewApp = offered[1]?.easel ?? '';
    expect(keepQrLink(viewApp, offered)).toBe(viewApp);
    // The View link replaced after a Remove: its old link is no longer offered.
    const replaced = offeredLinks('http://192.168.1.20:4455', 'retro', { ...links, viewer: links.editor });
    expect(keepQrLink(viewApp, replaced)).toBe(defaultQrLink(replaced));
    expect(keepQrLink(null, offered)).toBe(defaultQrLink(offered));
  });

  it('orders addresses likeliest first', () => {
    const status = sharing({
      addresses: [address({ address: '172.17.0.1', virtual: true }), address({ address: '192.168.1.20' })],
    });
    expect(orderAddresses(status.addresses).map((each) => each.address)).toEqual(['192.168.1.20', '172.17.0.1']);
  });
});

describe('the port field', () => {
  it('lets the app choose when empty', () => {
    expect(readPortInput('  ')).toEqual({ ok: true, port: undefined });
  });

  it('takes an unprivileged port', () => {
    expect(readPortInput('1024')).toEqual({ ok: true, port: 1024 });
    expect(readPortInput(' 65535 ')).toEqual({ ok: true, port: 65535 });
  });

  it('refuses anything else with one plain sentence', () => {
    for (const text of ['80', '1023', '65536', '4455.5', '-1', 'abc', '4e3', '0x1000', '123456']) {
      expect(readPortInput(text)).toEqual({ ok: false, message: 'A port is a whole number from 1024 to 65535.' });
    }
  });

  it('offers the next port after a taken one, wrapping at the top', () => {
    expect(nextPort(4455)).toBe(4456);
    expect(nextPort(65535)).toBe(1024);
  });
});

describe('texts', () => {
  it('says guests were disconnected and that work goes on', () => {
    expect(stoppedText(2)).toBe(
      'Sharing stopped. 2 guests were disconnected. You keep working on this board as before.',
    );
    expect(stoppedText(1)).toMatch(/The guest was disconnected\./);
    expect(stoppedText(0)).toMatch(/No guests were connected\./);
  });

  it('says whether the session is announced', () => {
    expect(advertisedText({ advertised: true })).toMatch(/^Announced/);
    expect(advertisedText({ advertised: false })).toBe(
      'Not announced on this network: send people the link or show them the QR code.',
    );
    const problem = 'The LAN announcement is unavailable: another program holds the mDNS port (UDP 5353) for itself.';
    expect(advertisedText({ advertised: false, advertiseProblem: problem })).toBe(
      `Not announced on this network. ${problem} Send people the link or show them the QR code.`,
    );
  });

  it('warns of the firewall prompt on Windows only', () => {
    expect(firewallNote('win32')).toMatch(/Windows asks .* Allow it on private networks/);
    for (const os of ['darwin', 'linux', 'other'] as const) expect(firewallNote(os), os).toBeNull();
  });
});

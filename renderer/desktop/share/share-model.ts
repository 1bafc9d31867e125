/**
 * What the share dialog and the header indicator show for a ShareStatus, as
 * pure functions: the links in the order a person should try them, the guest
 * count in words, the port field's checks and the words after stopping.
 */
import { type EaselDesktopApi, SHARE_PORT_MIN, type ShareAddress, type ShareStatus } from '../../../shared/desktop';
import type { OfferedLink } from './link-passes';

export type ActiveShare = Extract<ShareStatus, { sharing: true }>;

const SHARE_PORT_MAX = 65535;

/** "No guests yet", "1 guest", "3 guests". */
export function guestsText(guests: number): string {
  if (guests === 0) return 'No guests yet';
  return guests === 1 ? '1 guest' : `${guests} guests`;
}

/** The header's indicator while sharing ("Sharing · 2 guests"), or null when not sharing. */
export function sharingIndicator(status: ShareStatus | null): string | null {
  if (!status?.sharing) return null;
  return `Sharing · ${status.guests === 1 ? '1 guest' : `${status.guests} guests`}`;
}

/**
 * Addresses guests can most likely reach first: real interfaces before
 * container and VM bridges, IPv4 before IPv6, otherwise as the main process
 * listed them (a stable sort).
 */
export function orderAddresses(addresses: readonly ShareAddress[]): ShareAddress[] {
  const rank = (address: ShareAddress) => (address.virtual ? 2 : 0) + (address.family === 'IPv6' ? 1 : 0);
  return [...addresses].sort((a, b) => rank(a) - rank(b));
}

/** The link the QR code shows until someone picks another: the first one offered (the Edit link's browser link). */
export function defaultQrLink(offered: readonly Pick<OfferedLink, 'http' | 'easel'>[]): string | null {
  return offered[0]?.http ?? null;
}

/** Keeps the picked QR link while it is still offered (another address, or a link replaced after a Remove). */
export function keepQrLink(
  picked: string | null,
  offered: readonly Pick<OfferedLink, 'http' | 'easel'>[],
): string | null {
  const stillOffered = offered.some((link) => link.http === picked || link.easel === picked);
  return stillOffered ? picked : defaultQrLink(offered);
}

export type PortInput = { ok: true; port: number | undefined } | { ok: false; message: string };

/** The optional port field: empty lets the app choose; otherwise an unprivileged port. */
export function readPortInput(text: string): PortInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, port: undefined };
  const port = /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(port) || port < SHARE_PORT_MIN || port > SHARE_PORT_MAX) {
    return { ok: false, message: `A port is a whole number from ${SHARE_PORT_MIN} to ${SHARE_PORT_MAX}.` };
  }
  return { ok: true, port };
}

/** Another port to offer when one is taken: the next one up, wrapping to the lowest allowed. */
export function nextPort(port: number): number {
  return port >= SHARE_PORT_MAX ? SHARE_PORT_MIN : port + 1;
}

/** What the dialog says once sharing stopped. */
export function stoppedText(guestsBefore: number): string {
  const who =
    guestsBefore === 0
      ? 'No guests were connected.'
      : `${guestsBefore === 1 ? 'The guest was' : `${guestsBefore} guests were`} disconnected.`;
  return `Sharing stopped. ${who} You keep working on this board as before.`;
}

/**
 * A line saying whether the session is announced, so people know if it
 * appears in others' Join lists, and why not when the announcement failed.
 */
export function advertisedText(status: Pick<ActiveShare, 'advertised' | 'advertiseProblem'>): string {
  if (status.advertised) return 'Announced on this network: people see it under “Join a session”.';
  if (status.advertiseProblem === undefined) {
    return 'Not announced on this network: send people the link or show them the QR code.';
  }
  return `Not announced on this network. ${status.advertiseProblem} Send people the link or show them the QR code.`;
}

/**
 * Windows asks, the first time an app listens on the network, whether to let
 * it through the firewall; said before sharing starts, so the prompt is
 * expected and the right answer is known. Other systems ask nothing here.
 */
export function firewallNote(os: EaselDesktopApi['os']): string | null {
  return os === 'win32'
    ? 'The first time you share, Windows asks whether Easel may use your networks. Allow it on private ' +
        'networks, or people will not be able to connect.'
    : null;
}

/** Said when the relay cannot serve the browser client, so the http links would not open a board. */
export const NO_WEB_CLIENT_TEXT =
  'The browser link needs the web client, which is not built into this copy of Easel (npm run build:web). ' +
  'The desktop app link works.';

import type { NetworkInterfaceInfo } from 'node:os';

export interface LanAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
  interfaceName: string;
  /** A bridge for containers or VMs: shown last, as guests on the LAN rarely reach it. */
  virtual: boolean;
}

export type NetworkInterfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Container and VM bridges, by the names Docker, libvirt, VMware, VirtualBox, Podman and LXD give them. */
const VIRTUAL_INTERFACE = /^(docker\d*|br-[0-9a-f]+|virbr\d*|vmnet\d*|vboxnet\d*|cni\d*|podman\d*|lxcbr\d*|lxdbr\d*)$/i;
/** One end of a container's veth pair: never reachable from the LAN, so never listed. */
const CONTAINER_LINK = /^veth/i;

/**
 * The addresses a guest on the LAN might reach this machine at, best first,
 * from `os.networkInterfaces()`:
 * - IPv4 only: a shared relay listens on 0.0.0.0, which takes no IPv6
 *   connection, so an IPv6 link would never open;
 * - loopback is skipped (it is this machine only), and so are link-local
 *   addresses (169.254.x.x means no DHCP answered) and veth ends of container
 *   links;
 * - private ranges (192.168/16, 10/8, 172.16/12) before others (VPNs, public);
 * - container and VM bridges last, flagged `virtual`.
 * Within a rank the OS's order is kept.
 */
export function lanAddresses(interfaces: NetworkInterfaces): LanAddress[] {
  const found: (LanAddress & { rank: number; order: number })[] = [];
  const seen = new Set<string>();
  for (const [interfaceName, entries] of Object.entries(interfaces)) {
    if (CONTAINER_LINK.test(interfaceName)) continue;
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal || seen.has(entry.address) || isLinkLocal(entry)) continue;
      seen.add(entry.address);
      const virtual = VIRTUAL_INTERFACE.test(interfaceName);
      found.push({
        address: entry.address,
        family: entry.family,
        interfaceName,
        virtual,
        rank: (virtual ? 2 : 0) + (isPrivate(entry) ? 0 : 1),
        order: found.length,
      });
    }
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ address, family, interfaceName, virtual }) => ({ address, family, interfaceName, virtual }));
}

const isLinkLocal = (entry: NetworkInterfaceInfo) => entry.address.startsWith('169.254.');

function isPrivate(entry: NetworkInterfaceInfo): boolean {
  const [a = 0, b = 0] = entry.address.split('.').map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

import type { AccessKind } from '../../../shared/access';

/** How someone came in, in words: "Edit link", "you (host)", "the relay's token". */
export function accessText(entry: { access: AccessKind; passLabel: string | null }): string {
  if (entry.access === 'host') return 'you (host)';
  if (entry.access === 'token') return 'the relay’s token';
  return entry.passLabel !== null && entry.passLabel !== '' ? entry.passLabel : 'a pass';
}

/** An ISO time as the local clock shows it (14:03:27). */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

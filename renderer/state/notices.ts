import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * What the board tells its user about a command that failed or only partly
 * worked (a file that would not open, an export of nothing). UI-only state
 * (docs/ARCHITECTURE.md#where-state-lives): one notice at a time, the newest replacing the last, until
 * the user dismisses it. The banner (ui/ErrorBanner.tsx) shows it.
 */
export interface Notice {
  kind: 'error' | 'warning';
  message: string;
}

export interface NoticeState {
  notice: Notice | null;
  show(notice: Notice): void;
  dismiss(): void;
}

export type NoticeStore = StoreApi<NoticeState>;

export function createNoticeStore(): NoticeStore {
  return createStore<NoticeState>()((set) => ({
    notice: null,
    show: (notice) => set({ notice }),
    dismiss: () => set({ notice: null }),
  }));
}

/** "Export PNG failed: <reason>", for a command that threw. */
export function failureNotice(command: string, error: unknown): Notice {
  return { kind: 'error', message: `${command} failed: ${error instanceof Error ? error.message : String(error)}` };
}

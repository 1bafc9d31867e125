export interface SandboxFacts {
  platform: NodeJS.Platform;
  /** `$APPIMAGE`: set by the AppImage runtime to the image's path. */
  appImage: string | undefined;
  /** Whether Chromium was started with --no-sandbox. */
  noSandbox: boolean;
}

/**
 * The log line to write when the app runs without Chromium's sandbox. The
 * AppImage's launcher adds --no-sandbox only where the system refuses user
 * namespaces (Ubuntu 24.04+ restricts them with AppArmor), so this says so
 * instead of leaving it silent, and names the package that keeps the sandbox.
 */
export function sandboxNote(facts: SandboxFacts): { event: string; details: Record<string, unknown> } | null {
  if (!facts.noSandbox) return null;
  const fromAppImage = facts.platform === 'linux' && facts.appImage !== undefined;
  return {
    event: 'chromium-sandbox-off',
    details: fromAppImage
      ? {
          reason:
            'this system refuses unprivileged user namespaces (AppArmor), so the AppImage started without the sandbox',
          advice: 'install the .deb package, which allows them for Easel through its AppArmor profile',
        }
      : { reason: 'started with --no-sandbox' },
  };
}

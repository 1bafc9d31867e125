import type { Plugin } from 'vite';

/**
 * The renderer's Content-Security-Policy, written into index.html at build
 * time, one per target, so neither build carries the other's allowances.
 *
 * - web: the browser client a relay serves. It talks to the relay that served
 *   it ('self'), or to a relay on this machine named by `?relay=` (development).
 * - desktop: the app's window (app://easel). It talks to its embedded relay on
 *   127.0.0.1 and, after a join, to a relay anywhere on the LAN or the internet,
 *   so connect-src admits any http(s)/ws(s) host. Scripts stay 'self' only:
 *   what a relay may send is data, never code.
 */
export type PolicyTarget = 'web' | 'desktop';

const LOOPBACK = ['http://127.0.0.1:*', 'ws://127.0.0.1:*', 'http://localhost:*', 'ws://localhost:*'];

const CONNECT_SOURCES: Record<PolicyTarget, readonly string[]> = {
  web: ["'self'", ...LOOPBACK],
  desktop: ["'self'", 'http:', 'https:', 'ws:', 'wss:'],
};

export function contentSecurityPolicy(target: PolicyTarget): string {
  const directives: [string, readonly string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // React sets style attributes; no stylesheet or script is ever inlined from data.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // data: for QR codes and the favicon, blob: for thumbnails fetched with the token.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', CONNECT_SOURCES[target]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The placeholder index.html holds where the policy goes. */
export const POLICY_PLACEHOLDER = '%EASEL_CONTENT_SECURITY_POLICY%';

/** Writes the target's policy into index.html; a page without the placeholder fails the build rather than ship without one. */
export function contentSecurityPolicyPlugin(target: PolicyTarget): Plugin {
  return {
    name: 'easel-content-security-policy',
    transformIndexHtml(html) {
      if (!html.includes(POLICY_PLACEHOLDER)) {
        throw new Error(`index.html has no ${POLICY_PLACEHOLDER} for the Content-Security-Policy`);
      }
      return html.replaceAll(POLICY_PLACEHOLDER, contentSecurityPolicy(target));
    },
  };
}

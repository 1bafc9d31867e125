import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyPlugin, POLICY_PLACEHOLDER } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

function transform(target: 'web' | 'desktop', html: string): string {
  const hook = contentSecurityPolicyPlugin(target).transformIndexHtml;
  if (typeof hook !== 'function') throw new Error('expected a transformIndexHtml function');
  return hook.call({} as never, html, {} as never) as string;
}

describe('content security policy', () => {
  it('lets the browser client connect only to its relay and this machine', () => {
    const connect = directive(contentSecurityPolicy('web'), 'connect-src');
    expect(connect).toContain("'self'");
    expect(connect).toContain('ws://127.0.0.1:*');
    expect(connect).not.toContain('http:');
    expect(connect).not.toContain('wss:');
  });

  it('lets the desktop app connect to a relay on any host, over http(s) and ws(s)', () => {
    expect(directive(contentSecurityPolicy('desktop'), 'connect-src')).toEqual([
      "'self'",
      'http:',
      'https:',
      'ws:',
      'wss:',
    ]);
  });

  it.each(['web', 'desktop'] as const)('keeps scripts and objects locked down for %s', (target) => {
    const policy = contentSecurityPolicy(target);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
  });

  it('writes the policy into the real index.html and refuses a page without the placeholder', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(POLICY_PLACEHOLDER);
    const built = transform('desktop', html);
    expect(built).not.toContain(POLICY_PLACEHOLDER);
    expect(built).toContain(`content="${contentSecurityPolicy('desktop')}"`);
    expect(() => transform('web', '<html><head></head></html>')).toThrow(/no %EASEL_CONTENT_SECURITY_POLICY%/);
  });
});

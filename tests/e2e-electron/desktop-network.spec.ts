import { expect, runningRelay, test } from './fixtures';

/**
 * Chromium's Local Network Access counts a page from app://easel as public:
 * without the `loopback-network` permission (granted only to the app's top
 * frame, electron/main/window/web-policy.ts) its requests to the relay on
 * 127.0.0.1 fail before a socket opens.
 */
test('the window at app://easel reaches its own relay on 127.0.0.1', async ({ easel }) => {
  const { page } = await easel.start();
  expect(new URL(page.url()).origin).toBe('app://easel');
  const relay = await runningRelay(page);
  // no-cors: the answer is opaque, but a request that Local Network Access refused would reject.
  const reached = await page.evaluate(
    (url) =>
      fetch(`${url}/healthz`, { mode: 'no-cors' }).then(
        () => 'reached',
        (error: unknown) => String(error),
      ),
    relay.url,
  );
  expect(reached).toBe('reached');
});

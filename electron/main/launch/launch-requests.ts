import path from 'node:path';
import { type JoinTarget, parseEaselLink } from '../../../shared/desktop';

/** Something the OS handed the app: a board file to open, or a join link. */
export type LaunchRequest =
  | { kind: 'file'; path: string }
  | { kind: 'join'; target: JoinTarget }
  | { kind: 'invalid'; input: string; message: string };

const MAX_REQUESTS = 10;
const BOARD_FILE = /\.easel$/i;

/**
 * Reads a command line (the first instance's, or the one a second instance
 * forwards with its working directory): `.easel` paths and `easel://` links,
 * in order. Flags and everything else (the executable, the app folder in
 * development, Chromium switches) are not ours and are skipped.
 */
export function launchRequestsFrom(argv: readonly string[], cwd: string): LaunchRequest[] {
  const requests: LaunchRequest[] = [];
  for (const argument of argv) {
    if (requests.length === MAX_REQUESTS) break;
    if (argument.startsWith('-')) continue;
    if (/^easel:/i.test(argument)) requests.push(launchRequestFromUrl(argument));
    else if (BOARD_FILE.test(argument) && !argument.includes('\0')) {
      requests.push({ kind: 'file', path: path.resolve(cwd, argument) });
    }
  }
  return requests;
}

/** An `easel://` link from the OS (macOS `open-url`, or a command line elsewhere). */
export function launchRequestFromUrl(url: string): LaunchRequest {
  const parsed = parseEaselLink(url);
  return parsed.ok
    ? { kind: 'join', target: parsed.target }
    : { kind: 'invalid', input: url.slice(0, 200), message: parsed.message };
}

import path from 'node:path';

export interface ProfileInputs {
  isPackaged: boolean;
  /** Electron's appData folder (the parent of the default userData). */
  appDataDir: string;
  /** app.name, which names the default userData folder. */
  appName: string;
  /** The value of a `--user-data-dir=<dir>` switch, '' when there is none (app.commandLine.getSwitchValue). */
  userDataSwitch: string;
}

/**
 * The userData folder a run should use, or undefined for Electron's default.
 *
 * `--user-data-dir=<dir>` picks the profile, in any build (the e2e tests give
 * each instance its own). Otherwise the installed app keeps the default
 * (`<appData>/Easel`), and a run from the source tree (`npm start`,
 * `npm run dev`) gets `<appData>/Easel-dev`: its own boards, and its own
 * single-instance lock (the lock lives in userData), so it never hands its
 * files to the installed app or takes theirs.
 */
export function profileDirectory(inputs: ProfileInputs): string | undefined {
  if (inputs.userDataSwitch !== '') return path.resolve(inputs.userDataSwitch);
  if (inputs.isPackaged) return undefined;
  return path.join(inputs.appDataDir, `${inputs.appName}-dev`);
}

import path from 'node:path';

export interface ProfileInputs {
  isPackaged: boolean;
  /** Electron's appData folder (the parent of the default userData). */
  appDataDir: string;
  /** app.name, which names the default userData folder. */
  appName: string;
  /** EASEL_USER_DATA_DIR: tests give each instance its own profile. */
  overrideDir: string | undefined;
}

/**
 * The userData folder a run should use, or undefined for Electron's default.
 * The installed app keeps the default (`<appData>/Easel`); a run from the
 * source tree (`npm start`, `npm run dev`) gets `<appData>/Easel-dev`, so it
 * has its own boards, its own single-instance lock (it lives in userData) and
 * never hands its files to, or takes them from, the installed app.
 */
export function profileDirectory(inputs: ProfileInputs): string | undefined {
  if (inputs.isPackaged) return undefined;
  if (inputs.overrideDir) return path.resolve(inputs.overrideDir);
  return path.join(inputs.appDataDir, `${inputs.appName}-dev`);
}

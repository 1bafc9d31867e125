// electron-builder `afterPack` hook (electron-builder.yml): sets Electron's fuses
// for production in the packed binary, before it is signed.
// https://www.electronjs.org/docs/latest/tutorial/fuses
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

/** What the shipped app may do at the process level. */
export const PRODUCTION_FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node runtime. The relay runs
  // in a utilityProcess, which does not need it.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into it.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code comes from app.asar only, and only as built (its hash is checked at load).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packed Electron binary (or macOS bundle) of an electron-builder AfterPackContext. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  // Flipping fuses breaks an ad-hoc signature; Apple silicon refuses to run unsigned code at all.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === Arch.arm64;
  await flipFuses(binary, { ...PRODUCTION_FUSES, resetAdHocDarwinSignature });
  console.log(`  • fuses set for production in ${binary}`);
}

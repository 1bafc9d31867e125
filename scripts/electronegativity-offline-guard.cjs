// Loaded with `node --require` into Electronegativity's process by scripts/electronegativity.ts.
// Offline, its downloads (translations, Electron releases) go through `got`,
// whose retries then throw from timers ("The `onCancel` handler was attached
// after the promise settled", RequestError ENOTFOUND, …). That kills the scan
// at a random moment, sometimes before the report is written. Errors raised
// inside got are ignored (the scan works without the downloads); any other
// uncaught error still ends the process.
'use strict';
const fromDownloader = /[\\/]node_modules[\\/](got|p-cancelable|@szmarczak[\\/]http-timer)[\\/]/;
process.on('uncaughtException', (error) => {
  if (error instanceof Error && fromDownloader.test(String(error.stack))) return;
  console.error(error);
  process.exit(70);
});

/**
 * The command-line shell every benchmark shares: parse the flags, print the
 * usage for --help (exit 0) or with the reason for a bad flag (exit 2), run,
 * and exit with the run's code, or 1 with the stack if it threw.
 */

/** What a benchmark's flag parser returns. */
export type OptionsParse<Options> =
  { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'error'; message: string };

export function runBenchCli<Options>(
  name: string,
  usage: string,
  parse: (argv: string[]) => OptionsParse<Options>,
  run: (options: Options) => Promise<number>,
): void {
  const main = async (): Promise<number> => {
    const parsed = parse(process.argv.slice(2));
    if (parsed.kind === 'help') {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    if (parsed.kind === 'error') {
      process.stderr.write(`${name}: ${parsed.message}\n\n${usage}\n`);
      return 2;
    }
    return run(parsed.options);
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

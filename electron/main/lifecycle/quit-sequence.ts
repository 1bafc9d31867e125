/** How long quitting may take before the app exits without waiting for the rest. */
export const QUIT_TIMEOUT_MS = 5_000;

/** One thing to finish before the process goes (flush the relay, save the window's place, close the logs). */
export interface QuitStep {
  name: string;
  run(): unknown;
}

export interface QuitOutcome {
  /** Why quitting started: 'quit', 'shutdown' (macOS, Linux), 'session-end' (Windows log-off or shutdown). */
  reason: string;
  /** Steps that threw or rejected; later steps still ran. */
  failed: string[];
  /** The steps had not finished within the limit; the caller exits without them. */
  timedOut: boolean;
}

export interface QuitSequenceOptions {
  /** The whole sequence's limit; 5 s in the app. */
  timeoutMs: number;
  /** Starts the limit's timer; returns a function that cancels it. setTimeout by default. */
  startTimer?: (onTimeout: () => void, ms: number) => () => void;
  log?: (event: string, details: Record<string, unknown>) => void;
}

const realTimer = (onTimeout: () => void, ms: number) => {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
};

/**
 * What the app does before it exits, whatever asked it to (the Quit command,
 * the last window closing, a system shutdown or a Windows log-off): the steps
 * in order, once. The first step starts synchronously inside run(), so a
 * handler the OS may not wait for (Windows' session-end) still gets it done;
 * a step that fails is logged and the next one runs; the whole is bounded by
 * `timeoutMs`, after which run() settles with `timedOut` and the caller exits
 * regardless.
 */
export class QuitSequence {
  private running: Promise<QuitOutcome> | null = null;
  private outcome: QuitOutcome | null = null;

  constructor(
    private readonly steps: readonly QuitStep[],
    private readonly options: QuitSequenceOptions,
  ) {}

  /** True once run() has settled: the app may quit for real now. */
  get finished(): boolean {
    return this.outcome !== null;
  }

  /** Starts the sequence (later calls get the same promise, whatever their reason). */
  run(reason: string): Promise<QuitOutcome> {
    this.running ??= this.execute(reason).then((outcome) => {
      this.outcome = outcome;
      return outcome;
    });
    return this.running;
  }

  private execute(reason: string): Promise<QuitOutcome> {
    const log = this.options.log ?? (() => undefined);
    const failed: string[] = [];
    log('quit-started', { reason });
    const steps = this.runSteps(failed, log);
    return new Promise<QuitOutcome>((resolve) => {
      const cancel = (this.options.startTimer ?? realTimer)(() => {
        log('quit-timed-out', { reason, timeoutMs: this.options.timeoutMs, failed });
        resolve({ reason, failed: [...failed], timedOut: true });
      }, this.options.timeoutMs);
      void steps.then(() => {
        cancel();
        resolve({ reason, failed: [...failed], timedOut: false });
      });
    });
  }

  private async runSteps(failed: string[], log: NonNullable<QuitSequenceOptions['log']>): Promise<void> {
    for (const step of this.steps) {
      try {
        await step.run();
      } catch (error) {
        failed.push(step.name);
        log('quit-step-failed', { step: step.name, error: String(error) });
      }
    }
  }
}

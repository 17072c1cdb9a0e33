import { type Logger, UserError } from '../core/index.js';

/** Where the CLI writes: results to stdout, progress and errors to stderr. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A mistake in how the command was called (exit 2). */
export class UsageError extends UserError {}

export function usageError(message: string): UsageError {
  return new UsageError(message, 'invalid');
}

/** Progress for people: the engine's log lines on stderr, so stdout stays machine-readable. */
export function stderrLogger(out: Output): Logger {
  return {
    info: m => out.stderr(m),
    notice: m => out.stderr(`notice: ${m}`),
    warning: m => out.stderr(`warning: ${m}`),
    group: async (title, fn) => {
      out.stderr(`» ${title}`);
      return fn();
    }
  };
}

import { escapeControls, type Logger, UserError } from '../core/index.js';

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

/**
 * Text for a terminal: every line with its control and direction characters shown escaped, so a
 * file name or commit subject cannot move the cursor, recolour or rewrite what is shown.
 */
export function terminalText(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/** Progress for people: the engine's log lines on stderr, so stdout stays machine-readable. */
export function stderrLogger(out: Output): Logger {
  return {
    info: m => out.stderr(terminalText(m)),
    notice: m => out.stderr(`notice: ${terminalText(m)}`),
    warning: m => out.stderr(`warning: ${terminalText(m)}`),
    group: async (title, fn) => {
      out.stderr(`» ${terminalText(title)}`);
      return fn();
    }
  };
}

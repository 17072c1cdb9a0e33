import { UserError } from '../rollback/types.js';

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

/** Where log lines go; the actions map it to @actions/core, the CLI to stderr. */
export interface Logger {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /** Runs `fn` inside a folded group when the host supports it. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

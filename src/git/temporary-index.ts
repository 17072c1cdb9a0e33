import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a {@link TemporaryIndex} runs git: the wrapper's own exec, with the index's environment. */
export type IndexCommand = (
  args: string[],
  options: { env: Record<string, string>; input?: Buffer; allowFailure?: boolean }
) => Promise<{ stdout: string; exitCode: number }>;

/**
 * An index file of its own in a temporary folder: trees are built and patches tried in it while
 * the repository's index and work tree stay as they are. Made by `Git.withTemporaryIndex`.
 */
export class TemporaryIndex {
  private constructor(
    private readonly run: IndexCommand,
    private readonly env: Record<string, string>
  ) {}

  /** Runs `fn` with a new, empty index and removes it afterwards, whatever `fn` did. */
  static async use<T>(run: IndexCommand, fn: (index: TemporaryIndex) => Promise<T>): Promise<T> {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-rollback-index-'));
    try {
      return await fn(new TemporaryIndex(run, { GIT_INDEX_FILE: join(dir, 'index') }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Fills the index with `treeish` (`git read-tree`). */
  async readTree(treeish: string): Promise<void> {
    await this.run(['read-tree', treeish], { env: this.env });
  }

  /**
   * Sets `paths` in the index to how they are at `source`; a path missing there is removed, unlike
   * with `git checkout <rev> -- <path>`. The paths are taken literally, never as patterns.
   */
  async restoreStaged(source: string, paths: readonly string[]): Promise<void> {
    await this.run(['restore', `--source=${source}`, '--staged', '--', ...paths], { env: { ...this.env, GIT_LITERAL_PATHSPECS: '1' } });
  }

  /** Writes the index as a tree object and returns its sha. */
  async writeTree(): Promise<string> {
    return (await this.run(['write-tree'], { env: this.env })).stdout.trim();
  }

  /** Applies `patch` in reverse to the index; false when it does not apply. */
  async tryApplyReverse(patch: Buffer): Promise<boolean> {
    const applied = await this.run(['apply', '--cached', '--reverse', '-'], { env: this.env, input: patch, allowFailure: true });
    return applied.exitCode === 0;
  }
}

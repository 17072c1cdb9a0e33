import { Git } from '../git/git.js';
import type { Finding } from '../hazards/types.js';
import { UserError } from '../core/index.js';

/** The hazards of a rollback about to be delivered, and those that stop it. */
export interface GuardVerdict {
  findings: Finding[];
  /** Critical hazards, and claims shrunk (the API server rejects it and Flux stays stuck). */
  blocking: Finding[];
}

/**
 * Runs the hazard engine on the rollback itself (from the target tip `base` to the rollback's
 * tree `tree`, forward direction: the rollback is the change being applied).
 */
export async function guardRollback(git: Git, base: string, tree: string): Promise<GuardVerdict> {
  const { analyzeObjects } = await loadHazards();
  const { findings } = await analyzeObjects(git, base, tree, { directions: ['forward'] });
  return { findings, blocking: findings.filter(blocksRollback) };
}

/** Critical hazards, and claims shrunk (the API server rejects it and Flux stays stuck), stop a rollback. */
export function blocksRollback(finding: Finding): boolean {
  return finding.severity === 'critical' || finding.rule === 'pvc-expand';
}

// Loaded on first use: the CLI and the action start without the YAML and rule code.
let hazards: Promise<typeof import('../hazards/index.js')> | undefined;
const loadHazards = () => (hazards ??= import('../hazards/index.js'));

/** Starts loading the hazard rules early, so the guard does not wait for them later. */
export function preloadGuard(): void {
  // A load failure surfaces when guardRollback awaits the same import.
  loadHazards().catch(() => undefined);
}

/** A rollback refused because it would destroy data; carries the findings for the report. */
export class UnsafeRollbackError extends UserError {
  /** `allowUnsafe`: how the caller turns the guard off, `allow-unsafe: true` or `--allow-unsafe`. */
  constructor(
    readonly findings: Finding[],
    blocking: Finding[],
    allowUnsafe: string
  ) {
    super(
      `The rollback was refused: ${blocking.map(describe).join('; ')}. Nothing was pushed. ` +
        `Review the findings; to deliver it anyway, use ${allowUnsafe}.`,
      'refused'
    );
    this.name = 'UnsafeRollbackError';
  }
}

function describe(f: Finding): string {
  return `${f.rule} on ${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name} (${f.file}:${f.line})`;
}

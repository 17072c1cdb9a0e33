import { SEVERITIES, type Finding, type Severity } from '../hazards/types.js';
import { hasWildcard, matchesGlob } from '../core/index.js';
import type { AllowEntry, SafetyConfig } from './config.js';

/** The level at which a finding fails the check; `never` reports without failing. */
export type FailOn = Severity | 'never';
export const FAIL_ON: readonly FailOn[] = ['critical', 'error', 'warning', 'notice', 'never'];

/** The check's decision on a set of findings. */
export interface Verdict {
  /** Findings after the configuration's severities, `off` rules and allow-list. */
  findings: Finding[];
  /** Findings taken out by the allow-list, kept for the summary. */
  allowed: Finding[];
  /** Findings at or above `fail-on`. */
  failing: Finding[];
  /** True when any finding meets `fail-on` (even if acknowledged). */
  unsafe: boolean;
  /** True when failing findings were acknowledged by the pull request's label. */
  acknowledged: boolean;
  /** Whether the step should fail. */
  fails: boolean;
}

/** Applies the configuration to raw findings and decides whether the check fails. */
export function decide(raw: Finding[], config: SafetyConfig, failOn: FailOn, acknowledged: boolean): Verdict {
  const findings: Finding[] = [];
  const allowed: Finding[] = [];
  for (const finding of raw) {
    const level = config.rules[finding.rule];
    if (level === 'off') continue;
    const adjusted = level ? { ...finding, severity: level } : finding;
    (config.allow.some(a => allows(a, adjusted)) ? allowed : findings).push(adjusted);
  }
  findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const failing = findings.filter(f => meets(f.severity, failOn));
  const unsafe = failing.length > 0;
  return { findings, allowed, failing, unsafe, acknowledged: unsafe && acknowledged, fails: unsafe && !acknowledged };
}

/** The verdict once the pull request's acknowledge label is found: unsafe findings no longer fail it. */
export function acknowledge(verdict: Verdict): Verdict {
  return { ...verdict, acknowledged: verdict.unsafe, fails: false };
}

/** True when `severity` is at least as severe as `failOn`. */
export function meets(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

function allows(entry: AllowEntry, finding: Finding): boolean {
  return (
    (!entry.rule || entry.rule === finding.rule) &&
    (!entry.kind || entry.kind === finding.kind) &&
    (!entry.namespace || entry.namespace === (finding.namespace ?? '')) &&
    (!entry.name || nameMatches(entry.name, finding.name))
  );
}

function nameMatches(pattern: string, name: string): boolean {
  return hasWildcard(pattern) ? matchesGlob(name, pattern) : pattern === name;
}

/** The rollback-hazard engine: what a change to a Flux repository does, and what reverting it does. */
export { analyzeChange, analyzeFiles, analyzeObjects, sortFindings, type AnalyzeOptions, type Analysis } from './analyze.js';
export { hazards, type HazardContext, type ManifestSet } from './hazards.js';
export { MANIFEST_UNREADABLE, RULES, RULE_IDS, rulesFor } from './registry.js';
export type { Direction, Finding, HazardRule, Hit, ResourceChange, RuleContext, Severity } from './types.js';
export { SEVERITIES } from './types.js';

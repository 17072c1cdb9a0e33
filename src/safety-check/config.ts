import * as yaml from 'js-yaml';
import { RULE_IDS } from '../hazards/index.js';
import { SEVERITIES, type Severity } from '../hazards/types.js';
import { UserError } from '../core/index.js';

/** One accepted hazard: findings matching every given field are not reported. */
export interface AllowEntry {
  rule?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  reason?: string;
}

export { DEFAULT_CONFIG_PATH } from './config-path.js';

/** The repository's safety-check configuration ({@link DEFAULT_CONFIG_PATH}). */
export interface SafetyConfig {
  /** Per-rule severity, or `off`. */
  rules: Record<string, Severity | 'off'>;
  paths: string[];
  exclude: string[];
  allow: AllowEntry[];
  /** Files above this many bytes are scanned for their objects' kinds and names, not read whole. */
  maxFileBytes?: number;
}

export const EMPTY_CONFIG: SafetyConfig = { rules: {}, paths: [], exclude: [], allow: [] };

const TOP_KEYS = ['rules', 'paths', 'exclude', 'allow', 'max-file-bytes'];
/** The most `max-file-bytes` may be: files are read whole up to it. */
export const MAX_FILE_BYTES_CEILING = 256 * 1024 * 1024;
const ALLOW_KEYS = ['rule', 'kind', 'namespace', 'name', 'reason'];

/**
 * Parses and validates the configuration file. Every error names the file, the key, the bad
 * value and what was expected.
 */
export function parseSafetyConfig(text: string, file: string): SafetyConfig {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    throw new UserError(`Invalid config ${file}: it is not valid YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  if (data === undefined || data === null) return EMPTY_CONFIG;
  const fail = (where: string, problem: string): never => {
    throw new UserError(`Invalid config ${file}: ${where} ${problem}`);
  };
  if (typeof data !== 'object' || Array.isArray(data)) fail('the top level', `must be a mapping with keys ${TOP_KEYS.join(', ')}.`);
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (!TOP_KEYS.includes(key)) fail(`key '${key}'`, `is unknown. Expected one of: ${TOP_KEYS.join(', ')}.`);
  const config: SafetyConfig = {
    rules: parseRules(top.rules, fail),
    paths: stringList(top.paths, 'paths', fail),
    exclude: stringList(top.exclude, 'exclude', fail),
    allow: parseAllow(top.allow, fail)
  };
  if (top['max-file-bytes'] !== undefined) config.maxFileBytes = parseMaxFileBytes(top['max-file-bytes'], fail);
  return config;
}

function parseMaxFileBytes(value: unknown, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_FILE_BYTES_CEILING) {
    const shown = typeof value === 'string' ? `'${value.slice(0, 40)}'` : JSON.stringify(value)?.slice(0, 40);
    return fail(
      'max-file-bytes',
      `is ${shown}. Expected a whole number of bytes from 1 to ${MAX_FILE_BYTES_CEILING}, for example 20971520 (20 MB).`
    );
  }
  return value;
}

type Fail = (where: string, problem: string) => never;

function parseRules(value: unknown, fail: Fail): SafetyConfig['rules'] {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('rules', 'must map rule ids to a severity, for example "pvc-expand: warning".');
  const rules: SafetyConfig['rules'] = {};
  for (const [id, level] of Object.entries(value)) {
    if (!RULE_IDS.includes(id)) fail(`rules.${id}`, `is not a rule. Expected one of: ${RULE_IDS.join(', ')}.`);
    if (level !== 'off' && !SEVERITIES.includes(level as Severity)) {
      fail(`rules.${id}`, `is '${String(level)}'. Expected one of: ${[...SEVERITIES, 'off'].join(', ')}.`);
    }
    rules[id] = level as Severity | 'off';
  }
  return rules;
}

function parseAllow(value: unknown, fail: Fail): AllowEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail('allow', 'must be a list of {rule, kind, namespace, name, reason} entries.');
  return value.map((entry, i) => {
    const where = `allow[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return fail(where, 'must be a mapping such as {kind: CustomResourceDefinition, name: widgets.example.com}.');
    for (const [key, v] of Object.entries(entry)) {
      if (!ALLOW_KEYS.includes(key)) fail(`${where}.${key}`, `is unknown. Expected one of: ${ALLOW_KEYS.join(', ')}.`);
      if (typeof v !== 'string' || v === '') fail(`${where}.${key}`, `is ${JSON.stringify(v)}. Expected a non-empty string.`);
    }
    const allow = entry as AllowEntry;
    if (!allow.kind && !allow.name)
      fail(where, 'names neither a kind nor a name. Expected at least one, so that an entry cannot silence every finding.');
    if (allow.rule && !RULE_IDS.includes(allow.rule))
      fail(`${where}.rule`, `'${allow.rule}' is not a rule. Expected one of: ${RULE_IDS.join(', ')}.`);
    return allow;
  });
}

function stringList(value: unknown, key: string, fail: Fail): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some(v => typeof v !== 'string' || v === ''))
    return fail(key, 'must be a list of path globs such as "apps/**".');
  return list as string[];
}

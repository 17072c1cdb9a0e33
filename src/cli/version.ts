import pkg from '../../package.json' with { type: 'json' };

/** The version printed by `--version`, from package.json (inlined into the bundle at build time). */
export const VERSION: string = pkg.version;

/** The Node.js versions the command line supports, from package.json's `engines`. */
export const NODE_REQUIREMENT: string = pkg.engines.node;

/**
 * Whether `version` (such as `20.20.2`) meets a `>=N` or `>=N.M` requirement. Other forms are
 * taken as met: the check only warns.
 */
export function nodeSupported(version: string, requirement: string): boolean {
  const need = requirement.trim().match(/^>=\s*(\d+)(?:\.(\d+))?/);
  const have = version.match(/^v?(\d+)\.(\d+)/);
  if (!need || !have) return true;
  const [major, minor] = [Number(have[1]), Number(have[2])];
  const [needMajor, needMinor] = [Number(need[1]), Number(need[2] ?? 0)];
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

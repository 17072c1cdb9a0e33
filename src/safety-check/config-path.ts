/**
 * Where the configuration is read from (at the base revision) unless another path is given. A
 * module of its own, so the command line's usage text names it without loading the rules.
 */
export const DEFAULT_CONFIG_PATH = '.github/rollback-safety.yml';

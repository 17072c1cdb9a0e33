import { UNSAFE_CHARACTERS } from './printable.js';

/**
 * Why `name` cannot be a branch a rollback lands on, or undefined when it can: git's
 * check-ref-format rules for `refs/heads/<name>` (no `..`, `@{`, `//`, ASCII controls, space,
 * `~^:?*[\`, no component starting with `.` or ending in `.lock`, no trailing `/` or `.`), plus
 * what git allows but a rollback must not use: `HEAD` and `@`, a leading `-` or `refs/`, direction
 * characters, and more than 255 characters.
 */
export function branchNameProblem(name: string): string | undefined {
  if (!name) return 'it is empty';
  if (name.length > 255) return `${name.length} characters, more than 255`;
  if (UNSAFE_CHARACTERS.test(name)) return 'it contains control or text-direction characters';
  if (name === 'HEAD' || name === '@') return `'${name}' names the checked-out commit, not a branch`;
  if (name.startsWith('-') || name.startsWith('refs/')) return `it starts with '${name.startsWith('-') ? '-' : 'refs/'}'`;
  if (/[\s~^:?*[\\]/.test(name) || name.includes('..') || name.includes('@{') || name.includes('//'))
    return "git's rules for ref names refuse it (see git check-ref-format)";
  if (name.startsWith('/') || /[/.]$/.test(name) || name.split('/').some(part => part.startsWith('.') || part.endsWith('.lock')))
    return "git's rules for ref names refuse it (see git check-ref-format)";
  return undefined;
}

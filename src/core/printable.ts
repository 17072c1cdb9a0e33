const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Characters that are never plain text in a name or one line: C0 and C1 controls (ESC starts a
 * terminal escape), DEL, the line and paragraph separators, and the invisible direction marks and
 * overrides (U+061C, U+200E/F, U+202A–202E, U+2066–2069) that make text read other than it is stored.
 */
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE_CHARACTERS.source, 'g');

/** Text with every {@link UNSAFE_CHARACTERS} character shown escaped (`\n`, `\u001b`), nothing else changed. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_ALL, ch => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Makes untrusted text (inputs, payloads, commit messages, API answers) safe for one log line or
 * error message: control, line-separator and direction characters are shown escaped, `::` cannot
 * start a workflow command, and the length is capped (saying how long the value was).
 */
export function printable(text: string, max = 200): string {
  const escaped = escapeControls(text).replace(/::/g, ':\\u003a');
  return escaped.length > max ? `${escaped.slice(0, max)}… (${text.length} characters)` : escaped;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes untrusted text (inputs, payloads, commit messages, API answers) safe for one log line or
 * error message: control and line-separator characters are shown escaped, `::` cannot start a
 * workflow command, and the length is capped.
 */
export function printable(text: string, max = 200): string {
  const escaped = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ch => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/::/g, ':\\u003a');
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}

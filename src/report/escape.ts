// Commit messages, author names and file names are untrusted text: each output escapes them for
// what it is, so none can add a table row, a link, HTML, a metric or a workflow command.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Text from a commit for one log line: control characters (new lines among them) become one
 * space, so it can neither break the line nor start a workflow command (`::set-output`) on its own.
 */
export function logSafe(text: string, max = 200): string {
  const line = text.replace(CONTROL, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Text for a Markdown table cell, shown as typed: on one line, with the characters Markdown or
 * HTML would act on escaped (`|` would end the cell, `<` start a tag, `[` a link, `*` emphasis).
 */
export function markdownText(text: string, max = 120): string {
  const line = logSafe(text, max);
  return line.replace(/[\\`*_[\]~|!#]/g, ch => `\\${ch}`).replace(/[<>&]/g, ch => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&amp;'));
}

/** A label value in the OpenMetrics text format: backslash, double quote and new line escaped. */
export function labelValue(text: string): string {
  return text
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

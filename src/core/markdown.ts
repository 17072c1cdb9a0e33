/**
 * Untrusted text (file, object and commit names, messages) for one cell of a Markdown table in a
 * job summary or pull request: line breaks and other control characters become a space, so the
 * row cannot end; `|` is escaped, so the cell cannot end (also inside a code span); `<`, `>` and
 * `&` are entities, so no HTML starts.
 */
export function tableCell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/[<>&]/g, ch => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&amp;'));
}

/**
 * Untrusted text (an error message, a name) shown verbatim in a comment or summary: a fenced code
 * block longer than any run of backticks in the text, so the text cannot close it. Inside it
 * nothing is Markdown: no @-mention notifies anyone, no link, image or HTML renders. Control
 * characters other than line breaks are dropped and the text is capped at `max` characters.
 */
export function codeBlock(text: string, max = 2000): string {
  let body = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  if (body.length > max) body = `${body.slice(0, max)}…`;
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map(m => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}`;
}

/**
 * Untrusted one-line text (a branch or role name) as an inline code span in a comment: the
 * backtick run around it is longer than any inside it, so it renders literally and mentions nothing.
 */
export function codeSpan(text: string, max = 200): string {
  let body = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  if (body.length > max) body = `${body.slice(0, max)}…`;
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map(m => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.trim() === '' ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/**
 * The largest job summary GitHub keeps for one step (1 MiB of UTF-8); a larger one is dropped
 * whole, so a summary is cut to fit.
 */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

/** The longest body GitHub accepts for a pull request or a comment (65,536 characters). */
export const COMMENT_MAX_CHARS = 65_536;

/**
 * The rows of a table that fit in `budget` characters, in order (most important first), and
 * how many did not fit. A table is never cut to no row: the first always stays.
 */
export function fitRows(rows: readonly string[], budget: number): { shown: string[]; omitted: number; used: number } {
  let used = 0;
  let count = 0;
  for (const row of rows) {
    if (count > 0 && used + row.length + 1 > budget) break;
    used += row.length + 1;
    count++;
  }
  return { shown: rows.slice(0, count), omitted: rows.length - count, used };
}

/** The line under a table that was cut: how many rows are not shown, and where they are. */
export function moreNotShown(omitted: number, where: string): string {
  return omitted > 0 ? `\n\n_${omitted} more not shown${where ? `: ${where}` : ''}._` : '';
}

/**
 * Markdown cut to at most `maxBytes` of UTF-8 at a line break, with a closing line saying so:
 * the last guard before text goes where a size limit would drop it whole.
 */
export function fitMarkdown(text: string, maxBytes: number, where = ''): string {
  const size = Buffer.byteLength(text, 'utf8');
  if (size <= maxBytes) return text;
  const note = (cut: number) =>
    `\n\n> [!WARNING]\n> Cut here to fit GitHub's size limit: ${cut} more bytes not shown${where ? `; ${where}` : ''}.`;
  const room = maxBytes - Buffer.byteLength(note(size), 'utf8');
  let kept = Buffer.from(text, 'utf8').subarray(0, Math.max(0, room)).toString('utf8');
  // A character cut in half decodes to U+FFFD; a cut at a line break keeps tables and lists whole.
  const lastBreak = kept.lastIndexOf('\n');
  kept = lastBreak > 0 ? kept.slice(0, lastBreak) : kept.replace(/\uFFFD$/, '');
  return `${kept}${note(size - Buffer.byteLength(kept, 'utf8'))}`;
}

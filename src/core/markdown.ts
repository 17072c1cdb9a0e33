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

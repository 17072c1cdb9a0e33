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

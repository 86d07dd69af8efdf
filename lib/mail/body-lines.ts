// Lines of a stored message body by number: where a stored snippet that keeps no text of its own (a patch)
// reads it from.

/** Lines start .. start + count of `body` (0-based, LF line ends), joined: the text of a listing that sits there. */
export function bodyLines(body: string, start: number, count: number): string {
  let from = 0;
  for (let line = 0; line < start; line++) {
    const nl = body.indexOf("\n", from);
    if (nl === -1) return "";
    from = nl + 1;
  }
  let to = from;
  for (let line = 0; line < count; line++) {
    const nl = body.indexOf("\n", to);
    if (nl === -1) return body.slice(from);
    to = nl + 1;
  }
  return body.slice(from, Math.max(from, to - 1));
}

/** A stored snippet's text: its own, or (a patch) the body lines it spans. */
export function snippetText(s: { text: string | null; startLine: number; lineCount: number }, body: string | null): string {
  return s.text ?? (body === null ? "" : bodyLines(body, s.startLine, s.lineCount));
}

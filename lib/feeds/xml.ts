// XML 1.0 text for feeds, OpenSearch descriptions and SVG: escaped, and without the characters XML forbids.

// XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; mail bodies carry
// stray control bytes (ESC from colored build logs, form feeds, NUL) and broken surrogates, which would make
// the whole document unreadable, so they become U+FFFD, visibly.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe for element content and double- or single-quoted attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

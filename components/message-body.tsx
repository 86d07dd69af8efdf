// A mail body drawn from its structure (quotes, diffs, code, signature), stored snippets marked; see lib/mail/render.ts.
import type { SnippetMark } from "../lib/mail/body-tree";
import { renderBody } from "../lib/mail/render";

export function MessageBody({ body, snippets }: { body: string; snippets?: SnippetMark[] }) {
  if (body.trim() === "") return <p className="faint">(empty body)</p>;
  return <div data-testid="message-body">{renderBody(body, { snippets })}</div>;
}

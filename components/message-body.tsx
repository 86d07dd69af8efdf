// A mail body drawn from its structure (quotes, diffs, code, signature); see lib/mail/render.ts.
import { renderBody } from "../lib/mail/render";

export function MessageBody({ body }: { body: string }) {
  if (body.trim() === "") return <p className="faint">(empty body)</p>;
  return <div data-testid="message-body">{renderBody(body)}</div>;
}

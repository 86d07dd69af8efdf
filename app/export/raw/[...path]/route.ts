// /<list>/<msgid>/raw (rewritten here by next.config.ts): the message exactly as received, as text/plain.
import { messageIdBeforeSuffix } from "../../../../lib/mail/url";
import { rawMessage } from "../../../../lib/queries/messages";

export const dynamic = "force-dynamic";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export async function GET(req: Request): Promise<Response> {
  const mid = messageIdBeforeSuffix(new URL(req.url).pathname, "/raw");
  const raw = mid === null ? null : await rawMessage(mid);
  if (!raw) {
    return new Response(`No raw message for <${mid ?? "?"}> in this archive.\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // Old mail is often in 8-bit legacy charsets; a charset is only claimed when it is true.
  return new Response(new Uint8Array(raw), {
    headers: {
      "content-type": isUtf8(raw) ? "text/plain; charset=utf-8" : "text/plain",
      "x-content-type-options": "nosniff",
    },
  });
}

"use client";
// The 404 page. On a message URL it names the Message-ID that was asked for and offers a search for it;
// it reads the id from the address because not-found pages get no route parameters.
import { usePathname } from "next/navigation";
import { MessageNotFound } from "../components/message-not-found";
import { parseMessagePath } from "../lib/mail/url";

export default function NotFound() {
  const pathname = usePathname() ?? "";
  const segments = pathname.split("/").filter((s) => s !== "");
  const parsed = segments.length >= 2 ? parseMessagePath(segments.slice(1)) : null;
  if (parsed) return <MessageNotFound messageId={parsed.mid} />;
  return (
    <div className="notice" data-testid="not-found">
      <h1>Page not found</h1>
      <p>
        There is nothing at <code className="mono">{pathname}</code>. Message pages look like{" "}
        <code className="mono">/&lt;list&gt;/&lt;Message-ID&gt;/</code>, as on lore.kernel.org.
      </p>
      <p>
        <a href="/">Front page</a> · <a href="/search">search</a>
      </p>
    </div>
  );
}

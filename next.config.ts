// Next.js settings for the crosslore site.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or Node-only modules are loaded with require() at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client", "mailparser", "meilisearch"],
  // lore URLs end in "/" (/<list>/<msgid>/T/) while downloads do not (/raw, /t.mbox.gz): both forms are served as
  // written, never redirected, and every link the site emits is absolute.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  async rewrites() {
    return {
      beforeFiles: [
        // A Message-ID fragment that starts several ids: proxy.ts marks the request (lib/links/redirector.ts).
        { source: "/:path*", has: [{ type: "header", key: "x-crosslore-choices" }], destination: "/go/choices" },
        // Downloads live under the message's own URL, where the message page's catch-all would take them;
        // the handlers read the Message-ID from the original address, so escaping survives the rewrite.
        { source: "/:list/:path+/raw", destination: "/export/raw/:list/:path+" },
        { source: "/:list/:path+/t.mbox.gz", destination: "/export/mbox/:list/:path+" },
        // Feeds and search exports (app/feed, app/export/search), beside the page each one follows. A bare
        // /commit/<sha> is a kernel commit (lib/entity-urls.ts DEFAULT_REPO). A search page asked for with
        // x=A is its Atom feed, with x=m its hits as mbox.gz (GET, or POST as b4 sends it).
        { source: "/commit/:sha/new.atom", destination: "/feed/commit/linux/:sha" },
        { source: "/commit/:repo/:sha/new.atom", destination: "/feed/commit/:repo/:sha" },
        { source: "/toolchain/:name/:version/new.atom", destination: "/feed/toolchain/:name/:version" },
        { source: "/:list/new.atom", destination: "/feed/list/:list" },
        { source: "/:list/:path+/t.atom", destination: "/feed/thread/:list/:path+" },
        { source: "/search", has: [{ type: "query", key: "x", value: "A" }], destination: "/feed/search" },
        { source: "/search", has: [{ type: "query", key: "x", value: "m" }], destination: "/export/search" },
        { source: "/:list{/}?", has: [{ type: "query", key: "x", value: "A" }], destination: "/feed/search/:list" },
        { source: "/:list{/}?", has: [{ type: "query", key: "x", value: "m" }], destination: "/export/search/:list" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;

// The page frame: header with search, content, footer. System fonts only.
import type { Metadata } from "next";
import { SiteHeader } from "../components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "crosslore", template: "%s · crosslore" },
  description: "Linux-kernel mailing-list threads about toolchain bugs, searchable",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* The Metadata API has no rel="search"; browsers find the OpenSearch description through this. */}
        <link rel="search" type="application/opensearchdescription+xml" title="crosslore" href="/opensearch.xml" />
      </head>
      <body>
        <SiteHeader />
        <main className="page">{children}</main>
        <footer className="site-footer">crosslore · lore-compatible URLs: /&lt;list&gt;/&lt;Message-ID&gt;/ · /T/ · /raw · /t.mbox.gz</footer>
      </body>
    </html>
  );
}

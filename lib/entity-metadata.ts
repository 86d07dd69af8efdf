// Page metadata for entity pages: title, description, canonical URL, OpenGraph and Twitter cards, and the Atom
// feed of new mentions where the entity has one, all with absolute URLs (what link previews need).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { publicBaseUrl } from "./config";

export interface EntityMetadataInput {
  title: string;
  description: string;
  /** The page's own path, e.g. commitUrl(repo, sha). */
  path: string;
  /** Path of the entity's Atom feed (commitFeedUrl, toolchainFeedUrl), when it has one. */
  feed?: string;
}

export async function entityMetadata(input: EntityMetadataInput): Promise<Metadata> {
  const base = publicBaseUrl(await headers());
  const url = base + input.path;
  return {
    title: input.title,
    description: input.description,
    alternates: {
      canonical: url,
      ...(input.feed ? { types: { "application/atom+xml": [{ url: base + input.feed, title: `New mentions: ${input.title}` }] } } : {}),
    },
    openGraph: { type: "website", siteName: "crosslore", title: input.title, description: input.description, url },
    twitter: { card: "summary", title: input.title, description: input.description },
  };
}

// OpenSearch 1.1 description document, so browsers offer the site's search (lore syntax) from the address bar.
import { xmlEscape } from "./xml";

export interface OpenSearchInput {
  /** At most 16 characters, per the specification. */
  shortName: string;
  /** At most 1024 characters. */
  description: string;
  /** Search page URL with "{searchTerms}" where the query goes: "https://example.org/all/?q={searchTerms}". */
  htmlTemplate: string;
  /** Same for an Atom result feed, when there is one. */
  atomTemplate?: string;
  /** Favicon URL. */
  image?: string;
  /** Where this document is served, for rel="self". */
  selfUrl?: string;
}

const SHORT_NAME_MAX = 16;
const DESCRIPTION_MAX = 1024;
const TERMS = "{searchTerms}";

/** The description XML. Throws when a template lacks "{searchTerms}", a mistake in site code, not user input. */
export function openSearchDescription(o: OpenSearchInput): string {
  for (const t of [o.htmlTemplate, o.atomTemplate]) {
    if (t !== undefined && !t.includes(TERMS)) throw new Error(`OpenSearch template ${JSON.stringify(t)} has no ${TERMS}`);
  }
  const url = (type: string, template: string, rel = "results") => `<Url type="${type}" rel="${rel}" template="${xmlEscape(template)}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `<ShortName>${xmlEscape([...o.shortName].slice(0, SHORT_NAME_MAX).join(""))}</ShortName>`,
    `<Description>${xmlEscape([...o.description].slice(0, DESCRIPTION_MAX).join(""))}</Description>`,
    "<InputEncoding>UTF-8</InputEncoding>",
    o.image ? `<Image type="image/x-icon" width="16" height="16">${xmlEscape(o.image)}</Image>` : "",
    url("text/html", o.htmlTemplate),
    o.atomTemplate ? url("application/atom+xml", o.atomTemplate) : "",
    o.selfUrl ? url("application/opensearchdescription+xml", o.selfUrl, "self") : "",
    "</OpenSearchDescription>\n",
  ].join("");
}

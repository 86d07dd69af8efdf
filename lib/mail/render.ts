// Renders a mail body for the site: segmentBody → blocks → hast → React elements (or HTML for tools and tests),
// with the stored snippets marked where they sit.
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { toHtml } from "hast-util-to-html";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { blocksToHast, type SnippetMark } from "./body-tree";
import { segmentBody } from "./segment";

/** The body as React elements, for server components. */
export function renderBody(body: string, options: { snippets?: SnippetMark[] } = {}): ReactNode {
  return toJsxRuntime(blocksToHast(segmentBody(body), options), { Fragment, jsx, jsxs });
}

/** The body as an HTML string: the same tree, serialized (text escaped by hast-util-to-html). */
export function renderBodyHtml(body: string, options: { snippets?: SnippetMark[] } = {}): string {
  return toHtml(blocksToHast(segmentBody(body), options));
}

// Types for html-to-text, which mailparser depends on and parse.ts uses for HTML-only mail (it ships none).
declare module "html-to-text" {
  export function htmlToText(html: string, options?: Record<string, unknown>): string;
}

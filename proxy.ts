// Runs before every page: answers a path that is not valid percent-encoding ("/list/a%zz/") with a plain 400
// naming the path (without this Next.js fails to decode it and answers 500), and gives /go?url= and partial
// Message-ID paths the HTTP status a page cannot set (302, 300, 400, 404; see lib/links/redirector.ts).
import { NextResponse, type NextRequest } from "next/server";
import { CHOICES_HEADER, goAnswer, messagePathAnswer, type ProxyAnswer } from "./lib/links/redirector";
import { siteLookup } from "./lib/queries/message-lookup";

function answer(request: NextRequest): ProxyAnswer {
  const { pathname, searchParams } = request.nextUrl;
  try {
    const lookup = siteLookup();
    if (pathname === "/go" || pathname === "/go/") return goAnswer(lookup, searchParams);
    return messagePathAnswer(lookup, pathname);
  } catch {
    // No database (yet), or one without the tables: the pages say so themselves.
    return { action: "next" };
  }
}

export function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    return new NextResponse(`Bad request: the path ${raw} is not valid percent-encoding.\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const a = answer(request);
  if (a.action === "redirect") return NextResponse.redirect(new URL(a.location, request.url), 302);
  if (a.action === "status") return NextResponse.next({ status: a.status });
  if (a.action === "choices") {
    const headers = new Headers(request.headers);
    headers.set(CHOICES_HEADER, a.query);
    return NextResponse.next({ status: 300, request: { headers } });
  }
  // The choice header comes from here only: a client's own would let any address show a choice page.
  if (!request.headers.has(CHOICES_HEADER)) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.delete(CHOICES_HEADER);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: "/((?!_next/).*)",
};

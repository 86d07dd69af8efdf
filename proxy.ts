// Answers a request whose path is not valid percent-encoding ("/list/a%zz/") with a plain 400 naming the
// path; without this Next.js fails to decode it and answers 500.
import { NextResponse, type NextRequest } from "next/server";

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
  return NextResponse.next();
}

export const config = {
  matcher: "/((?!_next/).*)",
};

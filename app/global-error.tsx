"use client";
// Last resort when the layout itself fails: a self-contained page, still without a stack trace.

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Something went wrong</h1>
        <p>crosslore could not show this page{error.digest ? ` (reference ${error.digest})` : ""}.</p>
        <p>
          <a href="/">Front page</a>
        </p>
      </body>
    </html>
  );
}

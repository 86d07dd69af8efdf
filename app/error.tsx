"use client";
// Shown when a page fails on the server: a plain apology and a way on, never a stack trace.

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice error" role="alert" data-testid="server-error">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <p>
        <button className="button" type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <a href="/">Front page</a>
      </p>
    </div>
  );
}

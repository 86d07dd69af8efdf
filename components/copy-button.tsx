"use client";
// A button that copies a text to the clipboard; hidden until scripts run, since without them it could do nothing.
import { useEffect, useState } from "react";

export function CopyButton({ text, label = "copy" }: { text: string; label?: string }) {
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setReady(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 1500);
  }
  return (
    <button type="button" onClick={copy} hidden={!ready} data-testid="copy-button">
      {state === "copied" ? "copied" : state === "failed" ? "select and copy" : label}
    </button>
  );
}

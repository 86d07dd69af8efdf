// Where each kind of entity lives on the site: one place for the URL shapes that pages, facts panels, feeds and
// APIs link to, so a commit or a diagnostic has the same address everywhere.

/** The repository a bare /commit/<sha> means. */
export const DEFAULT_REPO = "linux";

const seg = (s: string) => encodeURIComponent(s);

/** /commit/<sha> for the kernel, /commit/<repo>/<sha> for LLVM, GCC, … */
export function commitUrl(repo: string, sha: string): string {
  return repo === DEFAULT_REPO ? `/commit/${seg(sha)}` : `/commit/${seg(repo)}/${seg(sha)}`;
}

/** /toolchain/<name>, or one version: /toolchain/<name>/<version>. */
export function toolchainUrl(name: string, version?: string): string {
  return version === undefined ? `/toolchain/${seg(name)}` : `/toolchain/${seg(name)}/${seg(version)}`;
}

/** /config/CONFIG_KASAN (the name is always given with its CONFIG_ prefix). */
export function configUrl(name: string): string {
  return `/config/${seg(name.startsWith("CONFIG_") ? name : `CONFIG_${name}`)}`;
}

/** /diag/<signature>, the signature percent-encoded as one path segment (it holds ':' and spaces). */
export function diagUrl(signature: string): string {
  return `/diag/${seg(signature)}`;
}

/** Snippet browsing, optionally narrowed to one kind and/or architecture. */
export function snippetsUrl(filter: { kind?: string; arch?: string } = {}): string {
  const q = new URLSearchParams();
  if (filter.kind) q.set("kind", filter.kind);
  if (filter.arch) q.set("arch", filter.arch);
  const s = q.toString();
  return s ? `/snippets?${s}` : "/snippets";
}

/** The regression story whose culprit is this commit. */
export function regressionUrl(repo: string, sha: string): string {
  return repo === DEFAULT_REPO ? `/regressions/${seg(sha)}` : `/regressions/${seg(repo)}/${seg(sha)}`;
}

/** Atom feed of new mentions of a commit or of a toolchain version (beside the entity's page). */
export function commitFeedUrl(repo: string, sha: string): string {
  return `${commitUrl(repo, sha)}/new.atom`;
}

export function toolchainFeedUrl(name: string, version: string): string {
  return `${toolchainUrl(name, version)}/new.atom`;
}

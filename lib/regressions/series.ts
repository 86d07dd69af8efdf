// Patch series: what a subject's "[PATCH RFC net-next v3 2/5]" prefix says, and which postings are versions of
// one series (same subject and author, the same b4 change-id, or "Link to v2: https://lore…" lines).
import { ownLines, segmentBody } from "../mail/segment";
import { messageIdFromUrl } from "../links/resolve";

export interface SubjectInfo {
  /** Had a reply or forward prefix ("Re:", "AW:", "Fwd:"). */
  reply: boolean;
  /** Every bracketed prefix, as written: ["PATCH v3 2/5"], ["CRASH", "BISECTED"]. */
  labels: string[];
  /** A patch posting: PATCH or RFC among the prefix words. */
  patch: boolean;
  rfc: boolean;
  resend: boolean;
  /** 1 when no vN is given. */
  version: number;
  part: { index: number; total: number } | null;
  /** Stable branch a backport is for: "5.4" in "[PATCH AUTOSEL 5.4 1/3]", "6.1" in "[PATCH 6.1 012/100]". */
  stable: string | null;
  autosel: boolean;
  /** Other prefix words: trees and topics such as "net-next", "bpf-next", "kmod". */
  other: string[];
  /** The subject after all prefixes. */
  title: string;
  /** `title` normalized for comparing postings: lower case, whitespace folded, no trailing period. */
  key: string;
}

const REPLY_PREFIX = /^(?:re|aw|sv|vs|antw|odp|fwd?|fw)(?:\[\d+\])?\s*:\s*/i;
const BRACKET = /^\[([^\]]*)\]\s*/;
const STABLE_VERSION = /^(\d+\.\d+)(?:\.(?:\d+|y))?(?:-stable)?$/i;

/** The facts in a subject line; never throws, any string gives a result. */
export function parseSubject(subject: string): SubjectInfo {
  const info: SubjectInfo = { reply: false, labels: [], patch: false, rfc: false, resend: false, version: 1, part: null, stable: null, autosel: false, other: [], title: "", key: "" };
  let rest = subject.replace(/\s+/g, " ").trim();
  const words: string[] = [];
  for (;;) {
    const reply = REPLY_PREFIX.exec(rest);
    if (reply) {
      info.reply = true;
      rest = rest.slice(reply[0].length);
      continue;
    }
    const bracket = BRACKET.exec(rest);
    if (bracket) {
      info.labels.push(bracket[1].trim());
      words.push(...bracket[1].split(/[\s,]+/).filter(Boolean));
      rest = rest.slice(bracket[0].length);
      continue;
    }
    break;
  }
  const stableCandidates: string[] = [];
  for (const word of words) {
    const w = word.toLowerCase();
    let m: RegExpExecArray | null;
    if ((m = /^patch(?:-?v(\d+))?$/.exec(w))) {
      info.patch = true;
      if (m[1]) info.version = Number(m[1]);
    } else if ((m = /^rfc(?:-?v(\d+))?$/.exec(w))) {
      info.rfc = true;
      if (m[1]) info.version = Number(m[1]);
    } else if (w === "resend") info.resend = true;
    else if (w === "autosel") info.autosel = true;
    else if ((m = /^-?v(\d+)$/.exec(w))) info.version = Number(m[1]);
    else if ((m = /^(\d+)\/(\d+)$/.exec(w))) info.part = { index: Number(m[1]), total: Number(m[2]) };
    else if (STABLE_VERSION.test(w)) stableCandidates.push(STABLE_VERSION.exec(w)![1]);
    else info.other.push(word);
  }
  info.patch ||= info.rfc && info.part !== null;
  if (info.patch && stableCandidates.length) info.stable = stableCandidates[0];
  else info.other.push(...stableCandidates);
  info.title = rest.replace(/\s*#forregzbot\s*$/i, "");
  info.key = subjectKey(info.title);
  return info;
}

/** A title normalized for comparison between postings. */
export function subjectKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, " ").trim().replace(/[.\s]+$/, "");
}

export interface VersionLink {
  version: number;
  url: string;
  /** The Message-ID the URL names, when it is a link to a mail archive. */
  messageId: string | null;
  /** 0-based body line. */
  line: number;
}

export interface SeriesFacts {
  /** b4's "change-id: 20221228-drop-qunused-arguments-0c5c7dae54fb" (or a Gerrit "Change-Id: I…" trailer): one per series. */
  changeId: string | null;
  /** "- Link to v2: https://lore.kernel.org/r/<msgid>", "v1: https://…", "Changes since v1: https://…". */
  versionLinks: VersionLink[];
  /** Versions named in changelog headings: "Changes in v3:", "v2 -> v3:", "Changes since v1" (sorted, unique). */
  changelog: number[];
}

const CHANGE_ID = /^change-id:\s*(\S+)\s*$/i;
const VERSION_LINKS = [
  /^\s*[-*]?\s*Link to v(\d+):\s*(https?:\/\/\S+)/i, // b4
  /^\s*[-*]?\s*\[?v(\d+)\]?\s*:\s*(https?:\/\/\S+)/i,
  /^\s*Changes (?:in|since|from) v(\d+)\s*:\s*(https?:\/\/\S+)/i,
];
const CHANGELOG_HEADINGS = [
  /^\s*Changes (?:in|since|from|for)? ?v(\d+)(?:\s*(?:->|→|to|\.\.)\s*v(\d+))?\b/i,
  /^\s*v(\d+)\s*(?:->|→|to|\.\.)\s*v(\d+)\s*:?/i,
];

/** Series facts from a patch's own text (quoted text of earlier versions does not count). */
export function seriesFacts(body: string): SeriesFacts {
  const facts: SeriesFacts = { changeId: null, versionLinks: [], changelog: [] };
  if (!body) return facts;
  const changelog = new Set<number>();
  ownLines(segmentBody(body)).forEach((line, i) => {
    const cid = CHANGE_ID.exec(line);
    if (cid && !facts.changeId) facts.changeId = cid[1];
    for (const re of VERSION_LINKS) {
      const m = re.exec(line);
      if (!m) continue;
      const url = m[2].replace(/[.,;)>]+$/, "");
      const r = messageIdFromUrl(url);
      facts.versionLinks.push({ version: Number(m[1]), url, messageId: r.messageId, line: i });
      break;
    }
    for (const re of CHANGELOG_HEADINGS) {
      const m = re.exec(line);
      if (!m) continue;
      changelog.add(Number(m[1]));
      if (m[2]) changelog.add(Number(m[2]));
      break;
    }
  });
  facts.changelog = [...changelog].sort((a, b) => a - b);
  return facts;
}

/** What identifySeries needs of a message; a query over message rows fills it. */
export interface PostingInput {
  messageId: string;
  subject: string;
  fromAddr: string;
  date: Date | null;
  inReplyTo: string | null;
  /** The decoded body; series facts are read from it when `facts` is not given. */
  body?: string;
  facts?: SeriesFacts;
}

export interface SeriesVersion {
  version: number;
  rfc: boolean;
  resend: boolean;
  /** The cover letter, or the single patch, or patch 1 of a series sent without a cover letter. */
  headId: string;
  subject: string;
  date: Date | null;
  /** Head first, then the patches in part order. */
  messageIds: string[];
  total: number | null;
}

export type SeriesEvidence = "subject" | "change-id" | "version-link";

export interface Series {
  /** Head of the earliest posting: stable as later versions arrive. */
  id: string;
  /** Title of the latest version. */
  title: string;
  fromAddr: string;
  changeId: string | null;
  /** Ordered by version, then date. */
  versions: SeriesVersion[];
  /** What tied the postings together (empty for a series with one posting). */
  evidence: SeriesEvidence[];
}

interface Posting {
  head: PostingInput;
  info: SubjectInfo;
  facts: SeriesFacts;
  parts: { index: number; id: string }[];
}

function time(d: Date | null): number {
  return d ? d.getTime() : Number.POSITIVE_INFINITY;
}

/**
 * Groups patch postings into series and versions. Replies and stable backports are left out; patches are
 * attached to their cover letter (or patch 1) through In-Reply-To. Postings are one series when they share a
 * b4 change-id, when one links to another with "Link to vN:", or when title and author are the same.
 */
export function identifySeries(messages: PostingInput[]): Series[] {
  const byId = new Map<string, { m: PostingInput; info: SubjectInfo }>();
  for (const m of messages) {
    const info = parseSubject(m.subject);
    if (info.patch && !info.reply && !info.stable && !info.autosel) byId.set(m.messageId, { m, info });
  }
  // A patch belongs to the posting of the nearest ancestor that is the same version's head. When that cover
  // letter never arrived (sent to another list), the patches still share its Message-ID in In-Reply-To.
  const postingKey = (id: string): string => {
    let cur = byId.get(id)!;
    const seen = new Set<string>([id]);
    for (;;) {
      const isHead = !cur.info.part || cur.info.part.total <= 1 || cur.info.part.index === 0;
      if (isHead) return cur.m.messageId;
      const parentId = cur.m.inReplyTo;
      if (!parentId || seen.has(parentId)) return cur.m.messageId;
      const parent = byId.get(parentId);
      if (!parent) return `<${parentId}>`;
      if (parent.info.version !== cur.info.version || !parent.info.part) return cur.m.messageId;
      seen.add(parentId);
      cur = parent;
    }
  };
  const members = new Map<string, { m: PostingInput; info: SubjectInfo }[]>();
  for (const entry of byId.values()) {
    const key = postingKey(entry.m.messageId);
    members.set(key, [...(members.get(key) ?? []), entry]);
  }
  const postings = new Map<string, Posting>();
  for (const list of members.values()) {
    list.sort((a, b) => (a.info.part?.index ?? 0) - (b.info.part?.index ?? 0) || time(a.m.date) - time(b.m.date));
    const [h, ...rest] = list;
    postings.set(h.m.messageId, {
      head: h.m,
      info: h.info,
      facts: h.m.facts ?? seriesFacts(h.m.body ?? ""),
      parts: rest.map((x) => ({ index: x.info.part?.index ?? 0, id: x.m.messageId })),
    });
  }

  // Union-find over posting heads.
  const parent = new Map<string, string>([...postings.keys()].map((k) => [k, k]));
  const evidence = new Map<string, Set<SeriesEvidence>>();
  const find = (k: string): string => {
    while (parent.get(k) !== k) {
      parent.set(k, parent.get(parent.get(k)!)!);
      k = parent.get(k)!;
    }
    return k;
  };
  const union = (a: string, b: string, why: SeriesEvidence) => {
    const ra = find(a);
    const rb = find(b);
    const ev = new Set([...(evidence.get(ra) ?? []), ...(evidence.get(rb) ?? []), why]);
    if (ra !== rb) parent.set(rb, ra);
    evidence.set(ra, ev);
  };
  const memberHead = new Map<string, string>(); // any message of a posting → its head
  for (const [head, p] of postings) {
    memberHead.set(head, head);
    for (const part of p.parts) memberHead.set(part.id, head);
  }
  const firstBy = <K>(key: (p: Posting) => K | null, why: SeriesEvidence) => {
    const seen = new Map<K, string>();
    for (const [head, p] of postings) {
      const k = key(p);
      if (k === null) continue;
      const other = seen.get(k);
      if (other) union(other, head, why);
      else seen.set(k, head);
    }
  };
  firstBy((p) => p.facts.changeId, "change-id");
  firstBy((p) => (p.info.key ? `${p.head.fromAddr.toLowerCase()}\n${p.info.key}` : null), "subject");
  for (const [head, p] of postings) {
    for (const link of p.facts.versionLinks) {
      const target = link.messageId ? memberHead.get(link.messageId) : undefined;
      if (target && target !== head) union(target, head, "version-link");
    }
  }

  const groups = new Map<string, Posting[]>();
  for (const [head, p] of postings) {
    const root = find(head);
    groups.set(root, [...(groups.get(root) ?? []), p]);
  }
  const series: Series[] = [];
  for (const [root, ps] of groups) {
    const versions: SeriesVersion[] = ps
      .map((p) => ({
        version: p.info.version,
        rfc: p.info.rfc,
        resend: p.info.resend,
        headId: p.head.messageId,
        subject: p.head.subject,
        date: p.head.date,
        messageIds: [p.head.messageId, ...p.parts.sort((a, b) => a.index - b.index).map((x) => x.id)],
        total: p.info.part?.total ?? null,
      }))
      .sort((a, b) => a.version - b.version || time(a.date) - time(b.date));
    const first = ps.find((p) => p.head.messageId === versions[0].headId)!;
    const last = ps.find((p) => p.head.messageId === versions[versions.length - 1].headId)!;
    series.push({
      id: first.head.messageId,
      title: last.info.title,
      fromAddr: last.head.fromAddr,
      changeId: ps.map((p) => p.facts.changeId).find((c) => c) ?? null,
      versions,
      evidence: ps.length > 1 ? [...(evidence.get(root) ?? [])].sort() : [],
    });
  }
  return series.sort((a, b) => time(a.versions[0].date) - time(b.versions[0].date) || a.id.localeCompare(b.id));
}

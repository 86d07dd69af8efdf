// /<list>/<msgid>/ (one message), /<list>/<msgid>/T/ (the thread, flat) and /t/ (nested), as on lore.
// /r/<msgid>/, /all/<msgid>/ and a message asked for under a list it is not on redirect to its own list.
// Each page has the facts panel of what the mail says, a cite menu per message, and link-preview meta tags.
import { cache } from "react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { CiteMenu } from "../../../components/cite-menu";
import { FactsPanel } from "../../../components/facts-panel";
import { MessageArticle } from "../../../components/message-article";
import { MessageNotFound } from "../../../components/message-not-found";
import { ThreadTree } from "../../../components/thread-tree";
import { publicBaseUrl } from "../../../lib/config";
import { threadFeedUrl } from "../../../lib/feeds/urls";
import { regressionUrl } from "../../../lib/entity-urls";
import { timelineForThread } from "../../../lib/queries/regressions";
import { RegressionTimeline } from "../../../components/regression-timeline";
import { previewMeta } from "../../../lib/links/preview";
import { messageIdAnchor } from "../../../lib/mail/msgid";
import { messageAnchorId, messageUrl, parseMessagePath, type ParsedMessagePath } from "../../../lib/mail/url";
import { emptyEntities, entitiesInOrder, entitiesOfMessage, sourcedEntities, type MessageEntities } from "../../../lib/queries/facts";
import { messageByMessageId, type MessageDetail } from "../../../lib/queries/messages";
import { threadOutlineOf } from "../../../lib/queries/threads";
import { threadPage } from "../../../lib/queries/thread-page";

export const dynamic = "force-dynamic";

// Path prefixes that name no list: lore's short link and its all-lists view.
const NO_LIST = new Set(["r", "all"]);

type Props = { params: Promise<{ list: string; path: string[] }> };

const getMessage = cache(messageByMessageId);

async function resolve(props: Props): Promise<{ list: string; parsed: ParsedMessagePath }> {
  const { list: listParam, path } = await props.params;
  const parsed = parseMessagePath(path);
  if (!parsed) notFound();
  let list: string;
  try {
    list = decodeURIComponent(listParam);
  } catch {
    notFound();
  }
  return { list, parsed };
}

// Next.js 16.2+ hands generateMetadata its params percent-decoded while the page gets them encoded
// (vercel/next.js#95343), so an id with "%" in it ("…UTyrr2mj%lkp@intel.com") would not decode again: the
// segments are tried as the page gets them, then re-encoded, so previews work on either side of a fix.
async function metadataTarget(props: Props): Promise<{ parsed: ParsedMessagePath; message: MessageDetail } | null> {
  const { path } = await props.params;
  for (const segments of [path, path.map(encodeURIComponent)]) {
    const parsed = parseMessagePath(segments);
    const message = parsed && (await getMessage(parsed.mid));
    if (parsed && message) return { parsed, message };
  }
  return null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const target = await metadataTarget(props);
  if (!target || target.message.ghost) return { title: "Message not found" };
  const { parsed, message: m } = target;
  const base = publicBaseUrl(await headers());
  const url = base + messageUrl(m.lists[0] ?? "all", m.messageId, parsed.view);
  const feed = base + threadFeedUrl(m.lists[0] ?? "all", m.messageId);
  const preview = previewMeta({ subject: m.subject, authorName: m.fromName || m.fromAddr, date: m.date, body: m.body, url, siteName: "crosslore" });
  return {
    ...preview,
    alternates: { canonical: url, types: { "application/atom+xml": [{ url: feed, title: "Atom feed of this thread" }] } },
    robots: { index: parsed.view === "message" },
  };
}

/** The cite menu of one message, its ids scoped by the message's anchor so a thread page can hold many. */
function citeOf(base: string, m: MessageDetail, entities: MessageEntities) {
  return <CiteMenu base={base} message={m} entities={entities} idPrefix={messageAnchorId(messageIdAnchor(m.messageId))} />;
}

export default async function MessagePage(props: Props) {
  const { list, parsed } = await resolve(props);
  const message = await getMessage(parsed.mid);
  if (!message) notFound();

  if (message.ghost) {
    const outline = await threadOutlineOf(message.messageId);
    const firstReal = outline?.messages.find((m) => !m.ghost);
    // A thread view asked for by a ghost (often the root) shows the thread it holds together.
    if (firstReal && parsed.view !== "message") redirect(messageUrl(firstReal.lists[0] ?? "all", firstReal.messageId, parsed.view));
    return (
      <MessageNotFound
        messageId={message.messageId}
        referencedIn={firstReal ? { list: firstReal.lists[0] ?? "all", messageId: firstReal.messageId } : undefined}
      />
    );
  }

  const home = message.lists[0];
  if (home && (NO_LIST.has(list) || !message.lists.includes(list))) redirect(messageUrl(home, message.messageId, parsed.view));
  if (!home && list !== "all") redirect(messageUrl("all", message.messageId, parsed.view));

  const base = publicBaseUrl(await headers());
  if (parsed.view === "message") {
    const [outline, entities] = await Promise.all([threadOutlineOf(message.messageId), entitiesOfMessage(message.rowId)]);
    return (
      <div className="message-layout">
        <div>
          <MessageArticle message={message} list={list} headingLevel={1} snippets={entities.snippets} cite={citeOf(base, message, entities)} />
          {outline && outline.messages.length > 1 && (
            <section>
              <h2>
                Thread: {outline.messageCount} message{outline.messageCount === 1 ? "" : "s"} ·{" "}
                <a href={messageUrl(list, message.messageId, "thread")}>read all</a> ·{" "}
                <a href={messageUrl(list, message.messageId, "nested")}>nested</a> ·{" "}
                <a href={messageUrl(list, message.messageId, "mbox")}>mbox.gz</a> ·{" "}
                <a href={threadFeedUrl(list, message.messageId)}>Atom</a>
              </h2>
              <ThreadTree entries={outline.messages} current={message.messageId} list={list} linkTo="page" />
            </section>
          )}
        </div>
        <FactsPanel facts={sourcedEntities(message.messageId, entities)} />
      </div>
    );
  }

  const page = await threadPage(message.messageId);
  if (!page) notFound();
  const { outline, bodies } = page;
  const order = outline.messages.filter((e) => bodies.has(e.messageId)).map((e) => e.messageId);
  const facts = await entitiesInOrder(order);
  const regressions = outline.threadId >= 0 ? timelineForThread(outline.threadId) : [];
  const nested = parsed.view === "nested";
  return (
    <div className="message-layout">
      <div className={nested ? "thread-view nested" : "thread-view"} data-testid="thread-view">
        <h1>{outline.subject || message.subject || "(no subject)"}</h1>
        <p className="dim">
          {outline.messageCount} message{outline.messageCount === 1 ? "" : "s"} ·{" "}
          {nested ? <a href={messageUrl(list, message.messageId, "thread")}>flat</a> : <a href={messageUrl(list, message.messageId, "nested")}>nested</a>}{" "}
          · <a href={messageUrl(list, message.messageId, "mbox")}>mbox.gz</a> ·{" "}
          <a href={threadFeedUrl(list, message.messageId)}>Atom</a>
        </p>
        <details className="overview" open>
          <summary>Thread overview</summary>
          <ThreadTree entries={outline.messages} current={message.messageId} list={list} linkTo="anchor" />
        </details>
        {regressions.map((story) => (
          <details key={`${story.culprit.repo}:${story.culprit.sha}`} className="overview" data-testid="thread-regression">
            <summary>
              Regression: {story.history.title} · <a href={regressionUrl(story.culprit.repo, story.culprit.sha)}>whole story</a>
            </summary>
            <RegressionTimeline history={story.history} repo={story.culprit.repo} lists={story.lists} replies={false} />
          </details>
        ))}
        {outline.messages.map((entry) => {
          const m = bodies.get(entry.messageId);
          if (!m) {
            return nested ? (
              <p key={entry.messageId} className="ghost-message" style={{ marginLeft: `${Math.min(entry.depth, 12) * 1.1}rem` }}>
                [message not in the archive: &lt;{entry.messageId}&gt;]
              </p>
            ) : null;
          }
          const entities = facts.byMessage.get(m.messageId) ?? emptyEntities();
          return (
            <MessageArticle
              key={m.messageId}
              message={m}
              list={m.lists.includes(list) ? list : (m.lists[0] ?? list)}
              depth={nested ? entry.depth : undefined}
              snippets={entities.snippets}
              cite={citeOf(base, m, entities)}
            />
          );
        })}
      </div>
      <FactsPanel facts={facts.thread} order={order} />
    </div>
  );
}

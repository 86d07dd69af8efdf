// Everything the /T/ and /t/ pages show: the thread in order, with each real message's full detail.
import { messageByMessageId, threadBodies, type MessageDetail } from "./messages";
import { threadOutlineOf, type ThreadOutline } from "./threads";

export interface ThreadPage {
  outline: ThreadOutline;
  bodies: Map<string, MessageDetail>;
}

/** The thread containing `messageId`, or null when the id is unknown. */
export async function threadPage(messageId: string): Promise<ThreadPage | null> {
  const outline = await threadOutlineOf(messageId);
  if (!outline) return null;
  if (outline.threadId >= 0) return { outline, bodies: await threadBodies(outline.threadId) };
  const only = await messageByMessageId(messageId);
  return { outline, bodies: new Map(only && !only.ghost ? [[only.messageId, only]] : []) };
}

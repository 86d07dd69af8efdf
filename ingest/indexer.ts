// Search indexing of stored messages: the embedded FTS5 index inside the write transaction (so a message
// is searchable exactly when it is committed), and the external backend, when one is configured, after.
import type { Sqlite } from "../lib/db/sqlite";
import { meiliUrl } from "../lib/config";
import { ftsIndexRows, ftsRemoveRows } from "../lib/search/fts5-index";
import { getSearchBackend } from "../lib/search";

/** Adds newly stored messages to the FTS5 index. Call inside the transaction that stored them. */
export function indexInTransaction(db: Sqlite, rowIds: number[]): void {
  ftsIndexRows(db, rowIds);
}

/**
 * Changes indexed columns of stored messages and keeps FTS5 in step: the old values leave the index
 * before `change` runs (external-content FTS5 needs them), the new ones enter after. Call inside a transaction.
 */
export function reindexInTransaction(db: Sqlite, rowIds: number[], change: () => void): void {
  ftsRemoveRows(db, rowIds);
  change();
  ftsIndexRows(db, rowIds);
}

// Meilisearch takes documents in batches; this many rows per call keeps each request a few megabytes.
const EXTERNAL_BATCH = 2000;

/**
 * Feeds committed messages to the external search backend (Meilisearch when MEILI_URL is set); does
 * nothing without one. Rows are collected and sent in large batches, one request in flight at a time.
 */
export class ExternalIndexer {
  private queued: number[] = [];
  private sending: Promise<void> = Promise.resolve();
  private readonly backend = meiliUrl() ? getSearchBackend() : null;

  get enabled(): boolean {
    return this.backend !== null && this.backend.name === "meilisearch";
  }

  /** Queues committed rows; sends when a batch is full. A send failure surfaces from the next call or flush. */
  async add(rowIds: number[]): Promise<void> {
    if (!this.enabled) return;
    this.queued.push(...rowIds);
    if (this.queued.length >= EXTERNAL_BATCH) await this.send();
  }

  private async send(): Promise<void> {
    await this.sending;
    const ids = this.queued;
    this.queued = [];
    if (ids.length > 0) this.sending = this.backend!.indexMessages(ids);
  }

  /** Sends what is queued and waits for every request to finish. */
  async flush(): Promise<void> {
    if (!this.enabled) return;
    await this.send();
    await this.sending;
  }
}

-- A patch snippet's text is no longer stored: it is lines start_line .. start_line + line_count of the message
-- body (66 MB of kbuild's 546 MB were such copies). Rows written before keep their text.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_snippet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_row_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "arch" TEXT,
    "text" TEXT,
    "files" TEXT,
    "start_line" INTEGER NOT NULL,
    "line_count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "snippet_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_snippet" ("arch", "files", "id", "kind", "message_row_id", "start_line", "text") SELECT "arch", "files", "id", "kind", "message_row_id", "start_line", "text" FROM "snippet";
DROP TABLE "snippet";
ALTER TABLE "new_snippet" RENAME TO "snippet";
CREATE INDEX "snippet_message_row_id_idx" ON "snippet"("message_row_id");
CREATE INDEX "snippet_kind_arch_idx" ON "snippet"("kind", "arch");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

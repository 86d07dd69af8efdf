-- CreateTable
CREATE TABLE "inbox_epoch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "root_commit" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "list" TEXT,
    "last_commit" TEXT,
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" DATETIME
);

-- CreateTable
CREATE TABLE "regzbot_command" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_row_id" INTEGER NOT NULL,
    "command" TEXT NOT NULL,
    "argument" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "regzbot_command_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "inbox_epoch_root_commit_key" ON "inbox_epoch"("root_commit");

-- CreateIndex
CREATE INDEX "regzbot_command_message_row_id_idx" ON "regzbot_command"("message_row_id");

-- CreateIndex
CREATE INDEX "regzbot_command_command_idx" ON "regzbot_command"("command");

-- CreateTable
CREATE TABLE "regression" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "repo" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "culprit_subject" TEXT,
    "evidence" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "report_message_id" TEXT,
    "state" TEXT NOT NULL,
    "fix_pending" BOOLEAN NOT NULL DEFAULT false,
    "first_date" DATETIME,
    "last_activity" DATETIME,
    "toolchains" TEXT NOT NULL DEFAULT '[]',
    "arches" TEXT NOT NULL DEFAULT '[]',
    "message_count" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "regression_message" (
    "regression_id" INTEGER NOT NULL,
    "message_row_id" INTEGER NOT NULL,

    PRIMARY KEY ("regression_id", "message_row_id"),
    CONSTRAINT "regression_message_regression_id_fkey" FOREIGN KEY ("regression_id") REFERENCES "regression" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "regression_first_date_idx" ON "regression"("first_date");

-- CreateIndex
CREATE INDEX "regression_state_idx" ON "regression"("state");

-- CreateIndex
CREATE UNIQUE INDEX "regression_repo_sha_key" ON "regression"("repo", "sha");

-- CreateIndex
CREATE INDEX "regression_message_message_row_id_idx" ON "regression_message"("message_row_id");

-- CreateTable
CREATE TABLE "list" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "address" TEXT
);

-- CreateTable
CREATE TABLE "message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_id" TEXT NOT NULL,
    "ghost" BOOLEAN NOT NULL DEFAULT false,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "subject" TEXT NOT NULL DEFAULT '',
    "from_name" TEXT NOT NULL DEFAULT '',
    "from_addr" TEXT NOT NULL DEFAULT '',
    "from_text" TEXT NOT NULL DEFAULT '',
    "to_text" TEXT NOT NULL DEFAULT '',
    "cc_text" TEXT NOT NULL DEFAULT '',
    "date" DATETIME,
    "in_reply_to" TEXT,
    "refs" TEXT NOT NULL DEFAULT '[]',
    "parent_id" TEXT,
    "thread_id" INTEGER,
    "body" TEXT NOT NULL DEFAULT '',
    "dfn" TEXT NOT NULL DEFAULT '',
    "dfa" TEXT NOT NULL DEFAULT '',
    "dfb" TEXT NOT NULL DEFAULT '',
    "dfhh" TEXT NOT NULL DEFAULT '',
    "raw" BLOB,
    "raw_size" INTEGER NOT NULL DEFAULT 0,
    "extract_version" INTEGER NOT NULL DEFAULT 0,
    "ingested_at" DATETIME,
    CONSTRAINT "message_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "thread" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "message_list" (
    "message_row_id" INTEGER NOT NULL,
    "list_id" INTEGER NOT NULL,

    PRIMARY KEY ("message_row_id", "list_id"),
    CONSTRAINT "message_list_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "message_list_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "list" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "thread" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "root_message_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "first_date" DATETIME,
    "last_date" DATETIME,
    "message_count" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_row_id" INTEGER NOT NULL,
    "filename" TEXT,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    CONSTRAINT "attachment_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ingest_failure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "byte_offset" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "raw" BLOB,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "commit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "repo" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "subject" TEXT
);

-- CreateTable
CREATE TABLE "commit_mention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commit_id" INTEGER NOT NULL,
    "message_row_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "sha_text" TEXT NOT NULL,
    CONSTRAINT "commit_mention_commit_id_fkey" FOREIGN KEY ("commit_id") REFERENCES "commit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "commit_mention_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "toolchain" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "toolchain_mention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "toolchain_id" INTEGER NOT NULL,
    "message_row_id" INTEGER NOT NULL,
    "vendor" TEXT,
    "git_hash" TEXT,
    "text" TEXT NOT NULL,
    CONSTRAINT "toolchain_mention_toolchain_id_fkey" FOREIGN KEY ("toolchain_id") REFERENCES "toolchain" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "toolchain_mention_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "snippet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_row_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "arch" TEXT,
    "text" TEXT NOT NULL,
    "files" TEXT,
    "start_line" INTEGER NOT NULL,
    CONSTRAINT "snippet_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "diagnostic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "signature" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "symbol" TEXT,
    "title" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "diagnostic_mention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "diagnostic_id" INTEGER NOT NULL,
    "message_row_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "diagnostic_mention_diagnostic_id_fkey" FOREIGN KEY ("diagnostic_id") REFERENCES "diagnostic" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "diagnostic_mention_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "config_mention" (
    "message_row_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,

    PRIMARY KEY ("message_row_id", "name"),
    CONSTRAINT "config_mention_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "kernel_version_mention" (
    "message_row_id" INTEGER NOT NULL,
    "version" TEXT NOT NULL,

    PRIMARY KEY ("message_row_id", "version"),
    CONSTRAINT "kernel_version_mention_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "link_mention" (
    "message_row_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "norm_url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    PRIMARY KEY ("message_row_id", "norm_url"),
    CONSTRAINT "link_mention_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "trailer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "message_row_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "trailer_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "message_tag" (
    "message_row_id" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("message_row_id", "tag"),
    CONSTRAINT "message_tag_message_row_id_fkey" FOREIGN KEY ("message_row_id") REFERENCES "message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "list_name_key" ON "list"("name");

-- CreateIndex
CREATE UNIQUE INDEX "message_message_id_key" ON "message"("message_id");

-- CreateIndex
CREATE INDEX "message_thread_id_idx" ON "message"("thread_id");

-- CreateIndex
CREATE INDEX "message_date_idx" ON "message"("date");

-- CreateIndex
CREATE INDEX "message_parent_id_idx" ON "message"("parent_id");

-- CreateIndex
CREATE INDEX "message_list_list_id_idx" ON "message_list"("list_id");

-- CreateIndex
CREATE INDEX "thread_last_date_idx" ON "thread"("last_date");

-- CreateIndex
CREATE INDEX "attachment_message_row_id_idx" ON "attachment"("message_row_id");

-- CreateIndex
CREATE UNIQUE INDEX "ingest_failure_source_byte_offset_key" ON "ingest_failure"("source", "byte_offset");

-- CreateIndex
CREATE INDEX "commit_sha_idx" ON "commit"("sha");

-- CreateIndex
CREATE UNIQUE INDEX "commit_repo_sha_key" ON "commit"("repo", "sha");

-- CreateIndex
CREATE INDEX "commit_mention_message_row_id_idx" ON "commit_mention"("message_row_id");

-- CreateIndex
CREATE UNIQUE INDEX "commit_mention_commit_id_message_row_id_role_key" ON "commit_mention"("commit_id", "message_row_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "toolchain_name_version_key" ON "toolchain"("name", "version");

-- CreateIndex
CREATE INDEX "toolchain_mention_message_row_id_idx" ON "toolchain_mention"("message_row_id");

-- CreateIndex
CREATE UNIQUE INDEX "toolchain_mention_toolchain_id_message_row_id_key" ON "toolchain_mention"("toolchain_id", "message_row_id");

-- CreateIndex
CREATE INDEX "snippet_message_row_id_idx" ON "snippet"("message_row_id");

-- CreateIndex
CREATE INDEX "snippet_kind_arch_idx" ON "snippet"("kind", "arch");

-- CreateIndex
CREATE UNIQUE INDEX "diagnostic_signature_key" ON "diagnostic"("signature");

-- CreateIndex
CREATE INDEX "diagnostic_tool_idx" ON "diagnostic"("tool");

-- CreateIndex
CREATE INDEX "diagnostic_mention_message_row_id_idx" ON "diagnostic_mention"("message_row_id");

-- CreateIndex
CREATE UNIQUE INDEX "diagnostic_mention_diagnostic_id_message_row_id_key" ON "diagnostic_mention"("diagnostic_id", "message_row_id");

-- CreateIndex
CREATE INDEX "config_mention_name_idx" ON "config_mention"("name");

-- CreateIndex
CREATE INDEX "kernel_version_mention_version_idx" ON "kernel_version_mention"("version");

-- CreateIndex
CREATE INDEX "link_mention_norm_url_idx" ON "link_mention"("norm_url");

-- CreateIndex
CREATE INDEX "trailer_message_row_id_idx" ON "trailer"("message_row_id");

-- CreateIndex
CREATE INDEX "trailer_name_value_idx" ON "trailer"("name", "value");

-- CreateIndex
CREATE INDEX "message_tag_tag_idx" ON "message_tag"("tag");

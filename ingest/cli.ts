// `npm run ingest -- [--list NAME] PATH...`: ingests mbox files, maildirs, .eml files (and .gz/.xz) into
// the database DATABASE_URL names. Exit status: 0 when the paths could be read (bad messages included),
// 1 for an internal error, 2 for unusable arguments or unreadable paths.
import { parseArgs } from "node:util";
import { databasePath } from "../lib/config";
import { openDatabase } from "../lib/db/sqlite";
import { describeFailure, ingest } from "./pipeline";
import { ProgressLine, summaryLine } from "./progress";
import { SourceError } from "./read";
import { FALLBACK_LIST } from "./store";

const USAGE = `usage: npm run ingest -- [--list NAME] [--workers N] [--no-extract] PATH...

Reads mbox files (mboxrd/mboxo, .gz, .xz), maildirs and .eml files into the crosslore database
(DATABASE_URL, default file:./data/crosslore.db). Messages already stored (same Message-ID) are
counted as duplicates; a message seen through another list is added to that list too.

Public-inbox v2 git mirrors are read too: an epoch (N.git, bare or checked out) or a directory of
them (git/0.git, git/1.git, ... in epoch order). Each run reads only the commits after the last one
stored (table inbox_epoch), and an interrupted run resumes where its last committed batch ended.

  --list NAME    put every message in list NAME. Without it, a message belongs to the lists its
                 List-Id / X-Mailing-List headers name; one with neither goes to a list named
                 after the directory its source file is in (maildir: the maildir's directory),
                 or "${FALLBACK_LIST}".
  --workers N    parse with N worker threads (default: the number of CPUs)
  --no-extract   store and index messages without extracting entities (commits, toolchains, ...):
                 a faster first load; \`npm run reextract\` extracts them afterwards

Messages that cannot be used are reported (file, message number, byte offset, reason) and kept
whole in the ingest_failure table; they do not change the exit status.`;

const LIST_NAME = /^[a-z0-9][a-z0-9._-]*$/;

function usageError(message: string): never {
  console.error(`ingest: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { list: { type: "string" }, workers: { type: "string" }, "no-extract": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) usageError("no PATH given");
  if (values.list !== undefined && !LIST_NAME.test(values.list)) {
    usageError(`--list ${JSON.stringify(values.list)}: a list name is lowercase letters, digits, ".", "_" and "-" (like linux-kbuild)`);
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) usageError(`--workers ${JSON.stringify(values.workers)}: not a positive whole number`);
  }

  const db = openDatabase();
  const progress = new ProgressLine();
  const say = (line: string) => {
    progress.done();
    console.error(line);
  };
  try {
    const summary = await ingest(db, positionals, {
      list: values.list,
      workers,
      extract: !values["no-extract"],
      progress,
      warn: say,
      onFailure: (f) => say(`failed: ${describeFailure(f)}`),
      onExtractError: (m, error) => say(`extraction failed, stored without entities: ${describeFailure({ source: m.message.source, reason: error })}`),
    });
    console.log(summaryLine(summary, summary.elapsedMs));
    if (values["no-extract"] && summary.added > 0) console.log("entities were not extracted (--no-extract): run `npm run reextract` to extract them");
    if (summary.failed > 0) console.log(`failed messages are kept in the ingest_failure table of ${databasePath()}`);
    return 0;
  } catch (err) {
    if (err instanceof SourceError) {
      console.error(`ingest: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`ingest: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);

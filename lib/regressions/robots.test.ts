import assert from "node:assert/strict";
import { test } from "node:test";
import Database from "better-sqlite3";
import { isRobotSender, robotSenderSql } from "./robots";

// Senders of regression reports in the linux-kbuild and ClangBuiltLinux archives (from_addr, from_name as stored).
const SENDERS: [string, string, boolean][] = [
  ["lkp@intel.com", "kbuild test robot", true],
  ["oliver.sang@intel.com", "kernel test robot", true],
  ["syzbot+c8d66267fd2b5955287e@syzkaller.appspotmail.com", "syzbot", true],
  ["bot@kernelci.org", "kernelci.org bot", true],
  ["masahiroy@kernel.org", "Masahiro Yamada", false],
  ["linux@roeck-us.net", "Guenter Roeck", false],
  ["sudipm.mukherjee@gmail.com", "Sudip Mukherjee (Codethink)", false],
  ["abbot@example.org", "Robotics Abbot", false],
];

test("robots by address, by syzbot's domain and by the LKP robot's name; people are not robots", () => {
  for (const [addr, name, robot] of SENDERS) assert.equal(isRobotSender(addr, name), robot, `${name} <${addr}>`);
});

test("the SQL form agrees with the JavaScript test on every sender", () => {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE message (from_addr TEXT, from_name TEXT)");
  const insert = db.prepare("INSERT INTO message VALUES (?, ?)");
  for (const [addr, name] of SENDERS) insert.run(addr, name);
  const { sql, params } = robotSenderSql("m");
  const robots = db.prepare(`SELECT from_addr FROM message m WHERE ${sql}`).pluck().all(...params);
  assert.deepEqual(robots, SENDERS.filter(([, , r]) => r).map(([a]) => a));
  db.close();
});

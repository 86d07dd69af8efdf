// Which senders are test robots (0-day/LKP, syzbot, KernelCI, LKFT): their build and boot reports are real
// regressions but arrive by the hundred, so the regression list can show people's reports apart from theirs.

// Robots known by address: the 0-day/LKP robot, KernelCI and LKFT.
export const ROBOT_ADDRESSES = ["lkp@intel.com", "bot@kernelci.org", "lkft@linaro.org"] as const;
// syzbot writes from syzbot+<hash>@syzkaller.appspotmail.com (and the bare address).
const SYZBOT_DOMAIN = "@syzkaller.appspotmail.com";
// LKP also sends from people's addresses under the name "kernel test robot" (oliver.sang@intel.com).
const ROBOT_NAME = /\btest robot\b|^syzbot$|^kernelci\.org bot$/i;

/** Whether a message from this sender is a robot's. */
export function isRobotSender(address: string, name: string): boolean {
  const a = address.toLowerCase();
  return (ROBOT_ADDRESSES as readonly string[]).includes(a) || a.endsWith(SYZBOT_DOMAIN) || ROBOT_NAME.test(name.trim());
}

/**
 * The same test as SQL over a message row aliased `alias` (from_addr, from_name), with its parameters; SQLite's
 * LIKE is case-insensitive for ASCII, as the JavaScript test is.
 */
export function robotSenderSql(alias: string): { sql: string; params: string[] } {
  const marks = ROBOT_ADDRESSES.map(() => "?").join(", ");
  return {
    sql: `(lower(${alias}.from_addr) IN (${marks}) OR ${alias}.from_addr LIKE ? OR ${alias}.from_name LIKE ? OR ${alias}.from_name LIKE ? OR ${alias}.from_name LIKE ?)`,
    params: [...ROBOT_ADDRESSES, `%${SYZBOT_DOMAIN}`, "%test robot%", "syzbot", "kernelci.org bot"],
  };
}

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir, lockHolder } from "./data-dir-lock.js";

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dost-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended: the lock of a crashed server. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

const write = (dir: string, owner: object) => writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner));

describe("the embedded data directory's lock", () => {
  it("is held while taken, refuses a second taker, and is gone once released", () => {
    const dir = tmp();
    const lock = lockDataDir(dir, "server");
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({
      pid: process.pid,
      purpose: "server",
    });
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses while another live process holds it, naming that process", () => {
    const dir = tmp();
    // The parent of this test process is alive and is not this process.
    write(dir, { pid: process.ppid, host: os.hostname(), purpose: "server", since: "2026-01-01T00:00:00Z" });
    expect(() => lockDataDir(dir, "backup")).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, "backup")).toThrow(new RegExp(`in use by a server \\(pid ${process.ppid}`));
    expect(lockHolder(dir)?.pid).toBe(process.ppid);
  });

  it("takes over the lock of a process that is gone, of another host, or of an unreadable file", () => {
    for (const stale of [
      JSON.stringify({ pid: deadPid(), host: os.hostname(), purpose: "server" }),
      JSON.stringify({ pid: process.ppid, host: "another-host", purpose: "server" }),
      "{half-writ",
    ]) {
      const dir = tmp();
      writeFileSync(path.join(dir, LOCK_FILE), stale);
      expect(lockHolder(dir)).toBeNull();
      lockDataDir(dir, "restore").release();
    }
  });
});

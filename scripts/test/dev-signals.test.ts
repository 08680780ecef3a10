// `pnpm dev` stops cleanly: SIGINT (Ctrl-C) or SIGTERM closes the watchers and the process exits 0
// with nothing of it left running: no process in its process group (it leads its own) and none of
// the processes it had started.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, describe, expect, test } from "vitest";
import { fixturesDir, makeTempRoot, removeRoot, repoRoot, runCli } from "./temp-root.js";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));

/** Resolves once `stream` has printed a match of `pattern`; rejects if the process exits first. */
function waitForOutput(child: ChildProcessByStdio<null, Readable, Readable>, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        child.stdout.off("data", onData);
        child.off("exit", onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`exited (${code}) before printing ${pattern}; it printed:\n${out}`));
    child.stdout.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Every process below `pid`, from /proc (each /proc/<pid>/stat names its parent). */
async function descendantsOf(pid: number): Promise<number[]> {
  if (!existsSync("/proc")) return [];
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // pid (comm) state ppid ...; comm may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const parent = queue.shift();
    const children = [...parents].filter(([, p]) => p === parent).map(([c]) => c);
    found.push(...children);
    queue = [...queue, ...children];
  }
  return found;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
};

describe.skipIf(process.platform === "win32")("dev", () => {
  test.each(["SIGINT", "SIGTERM"] as const)("exits 0 on %s and leaves no process behind", async (signal) => {
    const root = await makeTempRoot({ fixture: await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8") });
    roots.push(root);
    expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/src/authoring/dev-cli.mjs")], {
      cwd: root,
      env: { ...process.env, VENDORSPEC_ROOT: root },
      // Its own process group, so whatever it starts can be found (and, on failure, ended) by the group id.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const pid = child.pid as number;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, exitSignal) => resolve({ code, signal: exitSignal })),
    );
    try {
      await waitForOutput(child, /^dev: watching specs of fixture/m);
      const started = await descendantsOf(pid);
      child.kill(signal);
      expect(await exited, stderr).toEqual({ code: 0, signal: null });
      expect(isRunning(-pid), "a process of its group is still running").toBe(false);
      expect(started.filter(isRunning)).toEqual([]);
    } finally {
      if (isRunning(-pid)) process.kill(-pid, "SIGKILL");
    }
  });
});

describe.skipIf(process.platform === "win32")("dev under a launcher", () => {
  // `pnpm dev` starts it under pnpm and a shell; ending the launcher, even with SIGKILL, must not
  // leave a watcher behind.
  test("stops when whoever started it is killed", async () => {
    const root = await makeTempRoot({ fixture: await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8") });
    roots.push(root);
    expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
    const cli = path.join(repoRoot, "scripts/src/authoring/dev-cli.mjs");
    // A shell that starts the CLI in the background, says its pid, and waits: the launcher.
    const launcher = spawn("sh", ["-c", `"${process.execPath}" "${cli}" & echo "pid $!"; wait`], {
      cwd: root,
      env: { ...process.env, VENDORSPEC_ROOT: root },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const group = launcher.pid as number;
    let out = "";
    launcher.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    try {
      await waitForOutput(launcher, /^dev: watching specs of fixture/m);
      const pid = Number(/^pid (\d+)$/m.exec(out)?.[1]);
      expect(isRunning(pid)).toBe(true);
      process.kill(launcher.pid as number, "SIGKILL");
      // It notices it was re-parented and exits; wait for that (bounded by the test's timeout).
      while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(isRunning(pid)).toBe(false);
    } finally {
      if (isRunning(-group)) process.kill(-group, "SIGKILL");
    }
  });
});

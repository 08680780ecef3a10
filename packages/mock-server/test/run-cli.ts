// Runs the `vendorspec-mock` bin (bin/vendorspec-mock.js, which loads the built dist/cli.js) as a
// child process, in its own process group so a test can check that nothing outlives it. Children
// still running after a test are killed.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import path from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/vendorspec-mock.js");

export interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout, as soon as it is printed. */
  waitForStdout(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves once the process has exited and its output is all read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: RunningCli[] = [];
afterEach(() => {
  for (const { child } of running.splice(0)) {
    if (child.pid !== undefined && processGroupAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
  }
});

export function runCli(args: string[], bin = BIN): RunningCli {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  const waitForStdout = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (!match) return;
        child.stdout.off("data", check);
        resolve(match);
      };
      child.stdout.on("data", check);
      check();
      void exited.then(({ code, signal }) =>
        reject(new Error(`vendorspec-mock exited (${code ?? signal}) before printing ${pattern}:\n${out}\n${err}`)),
      );
    });
  const cli: RunningCli = { child, stdout: () => out, stderr: () => err, waitForStdout, exited };
  running.push(cli);
  return cli;
}

/** Whether any process is left in the group the CLI led (its pid is the group id). */
export function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

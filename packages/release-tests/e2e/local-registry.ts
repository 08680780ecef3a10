// A throwaway verdaccio on 127.0.0.1: its own storage, config and user in a temp folder, started as a
// child process and stopped (process and folder removed) by `stop()`, on every exit path.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const verdaccioBin = path.resolve(here, "../node_modules/.bin/verdaccio");

export interface LocalRegistry {
  url: string;
  token: string;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export async function startLocalRegistry(): Promise<LocalRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), "vendorspec-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await writeFile(
    path.join(dir, "config.yaml"),
    [
      `storage: ${path.join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${path.join(dir, "htpasswd")}`,
      "    max_users: 10",
      "uplinks:",
      "  npmjs:",
      "    url: https://registry.npmjs.org/",
      "packages:",
      '  "@vendorspec/*":',
      "    access: $all",
      "    publish: $authenticated",
      '  "**":',
      "    access: $all",
      "    proxy: npmjs",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const child = spawn(verdaccioBin, ["--config", path.join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], { stdio: "ignore", detached: true });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // The whole process group: verdaccio's bin is a shell shim around node.
      try {
        process.kill(-(child.pid as number), "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid as number), "SIGKILL");
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${url}/-/ping`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 100) throw new Error("verdaccio did not start within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const response = await fetch(`${url}/-/user/org.couchdb.user:e2e`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "e2e", password: "e2e-password-123" }),
    });
    const { token } = (await response.json()) as { token: string };
    return { url, token, dir, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

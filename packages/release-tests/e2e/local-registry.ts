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
  /** Restarts on the same port and storage (users, tokens and packages kept) with new rules. */
  restart(options?: RegistryOptions): Promise<void>;
}

export interface RegistryOptions {
  /** Per-package `publish` rules that come before the scope's (`{ "@vendorspec/docutray": "nobody" }`). */
  publish?: Record<string, string>;
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

const writeConfig = (dir: string, options: RegistryOptions) =>
  writeFile(
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
      // verdaccio takes the first matching rule: a package's own rule before its scope's.
      ...Object.entries(options.publish ?? {}).flatMap(([name, rule]) => [`  "${name}":`, "    access: $all", `    publish: ${rule}`]),
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

async function waitForPing(url: string) {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/-/ping`).then((r) => r.ok, () => false);
    if (ok) return;
    if (i > 100) throw new Error("verdaccio did not start within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
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

export async function startLocalRegistry(options: RegistryOptions = {}): Promise<LocalRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), "vendorspec-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await writeConfig(dir, options);
  const launch = () => spawn(verdaccioBin, ["--config", path.join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], { stdio: "ignore", detached: true });
  const registry = { url, token: "", dir, process: launch() } as LocalRegistry;
  registry.stop = async () => {
    await stopProcess(registry.process);
    await rm(dir, { recursive: true, force: true });
  };
  registry.restart = async (next = {}) => {
    await stopProcess(registry.process);
    await writeConfig(dir, next);
    registry.process = launch();
    await waitForPing(url);
  };
  try {
    await waitForPing(url);
    const response = await fetch(`${url}/-/user/org.couchdb.user:e2e`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "e2e", password: "e2e-password-123" }),
    });
    registry.token = ((await response.json()) as { token: string }).token;
    return registry;
  } catch (error) {
    await registry.stop();
    throw error;
  }
}

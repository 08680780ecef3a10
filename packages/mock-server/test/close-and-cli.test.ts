// close() frees the port and ends open connections (stalled ones too); the CLI (its committed bin,
// loading the built dist/cli.js) parses strictly, starts, serves, prints one masked line per request
// and stops cleanly on SIGINT and SIGTERM.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { startMockServer } from "../src/start-mock-server.js";
import { BIN, processGroupAlive, runCli } from "./run-cli.js";

const listenOn = (port: number) =>
  new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });

describe("close()", () => {
  test("frees the port and ends a stalled connection", async () => {
    const mock = await startMockServer({ vendor: "docutray" });
    mock.jobs.create({ id: "c", steps: [], outcome: "SUCCESS" });
    mock.faults.inject("getConversionStatus", { type: "stall-after-headers" });
    const response = await fetch(`${mock.url}/api/convert-async/status/c`, { headers: { authorization: "Bearer k" } });
    const body = response.text();
    // The body never comes by itself: only close() can end it (else the test times out).
    await mock.close();
    await expect(body).rejects.toThrow();
    await expect(listenOn(Number(new URL(mock.url).port))).resolves.toBeUndefined();
  });

  test("binds 127.0.0.1 by default", async () => {
    const mock = await startMockServer({ vendor: "lettrlabs" });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await mock.close();
  });
});

describe("vendorspec-mock CLI", () => {
  test.each([["--help"], ["-h"], ["docutray", "--help"]])("%s prints the usage with an example and exits 0", async (...args) => {
    const cli = runCli(args);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/^usage: vendorspec-mock <vendor>/);
    expect(cli.stdout()).toMatch(/example:\n {2}vendorspec-mock \S+ --port 4010/);
    expect(cli.stderr()).toBe("");
  });

  test.each([
    ["an unknown flag", ["docutray", "--prot", "4010"], "Unknown option '--prot'"],
    ["an unknown short flag", ["docutray", "-p", "4010"], "Unknown option '-p'"],
    ["a flag without its value", ["docutray", "--port"], "Option '--port <value>' argument missing"],
    ["a flag followed by another flag", ["docutray", "--port", "--host", "::1"], "Option '--port' argument is ambiguous"],
    ["a value given to --help", ["--help=yes"], "Option '-h, --help' does not take an argument"],
    ["no vendor", [], "which vendor?"],
    ["an unknown vendor", ["acme"], 'unknown vendor "acme"'],
    ["a second positional", ["docutray", "lettrlabs"], 'unexpected argument "lettrlabs"'],
    ["a port out of range", ["docutray", "--port", "70000"], '--port must be 0-65535, got "70000"'],
  ])("%s exits 2 with the problem and the usage on stderr", async (_, args, problem) => {
    const cli = runCli(args);
    expect(await cli.exited).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toContain(`vendorspec-mock: ${problem}`);
    expect(cli.stderr()).toContain("usage: vendorspec-mock <vendor>");
    expect(cli.stdout()).toBe("");
  });

  test.each(["SIGINT", "SIGTERM"] as const)(
    "serves, prints requests without the key, and on %s closes the server, exits 0 and leaves no process",
    async (signal) => {
      const cli = runCli(["docutray", "--port", "0", "--api-key", "cli_SECRET_key"]);
      const [, url = ""] = await cli.waitForStdout(/listening on (http:\/\/\S+)/);
      const response = await fetch(`${url}/api/convert-async/status/unknown`, { headers: { authorization: "Bearer cli_SECRET_key" } });
      expect(response.status).toBe(404);
      await response.text();
      // The CLI prints the line after answering: wait for it, not for a fixed time.
      await cli.waitForStdout(/GET \/api\/convert-async\/status\/unknown → 404 \(getConversionStatus\)/);

      cli.child.kill(signal);
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.stdout()).toContain(`vendorspec-mock: closed (${signal})`);
      expect(cli.stdout() + cli.stderr()).not.toContain("cli_SECRET_key");
      expect(cli.stderr()).toBe("");
      expect(processGroupAlive(cli.child.pid as number)).toBe(false);
      await expect(listenOn(Number(new URL(url).port))).resolves.toBeUndefined();
    },
  );

  test("a port in use exits 1 naming the address", async () => {
    const mock = await startMockServer({ vendor: "docutray" });
    try {
      const cli = runCli(["docutray", "--port", new URL(mock.url).port]);
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.stderr()).toContain(`vendorspec-mock: cannot listen on 127.0.0.1:${new URL(mock.url).port}`);
    } finally {
      await mock.close();
    }
  });

  test("the bin says to build first when dist/cli.js is missing", async () => {
    // A copy of the bin in a package folder without dist/, as after a fresh install.
    const unbuilt = await mkdtemp(path.join(tmpdir(), "vendorspec-mock-unbuilt-"));
    try {
      await mkdir(path.join(unbuilt, "bin"));
      await writeFile(path.join(unbuilt, "package.json"), JSON.stringify({ type: "module" }));
      await copyFile(BIN, path.join(unbuilt, "bin/vendorspec-mock.js"));
      const cli = runCli(["docutray"], path.join(unbuilt, "bin/vendorspec-mock.js"));
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.stderr()).toContain("dist/cli.js is missing");
      expect(cli.stderr()).toContain("pnpm --filter @vendorspec/mock-server build");
      expect(cli.stdout()).toBe("");
    } finally {
      await rm(unbuilt, { recursive: true, force: true });
    }
  });
});

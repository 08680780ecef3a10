// @ts-check
// The publish step of a release, so that a consumer installs the whole previous set of packages or
// the whole new one, never a mix, whatever fails half-way:
// 1. check first: every tarball is packed and checked, and the credentials must be able to write to
//    every package already on the registry; a problem here publishes nothing;
// 2. upload in dependency order (leaves first) under a staging dist-tag, each package only after the
//    ones it depends on are confirmed on the registry (a failure leaves its dependents unpublished:
//    on a first release, where the first version becomes `latest` by itself, a dependent is then
//    absent, a clean 404, never present with a missing dependency);
// 3. promote (move the release tag) only when every package of the release is confirmed;
// 4. tag git (`name@version`) for what reached the release tag, and print changesets' `New tag:`
//    lines for them, so changesets/action pushes those tags and opens those GitHub releases only.
// Re-running after a failure uploads only what is missing, then promotes: the release resumes.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { checkPackedPackage, packPackage } from "./check-package.mjs";
import { planRelease } from "./plan-release.mjs";
import { dependencyOrder, readPublicPackages } from "./workspace-packages.mjs";

const run = promisify(execFile);
const VIEW_CONCURRENCY = 6;
const CHECK_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));

/**
 * @typedef {"published" | "promoted" | "unchanged" | "uploaded, not promoted" | "failed" | "skipped" | "would publish" | "would promote"} Outcome
 * @typedef {{ name: string, version: string, outcome: Outcome, why: string }} Row
 * @typedef {ReturnType<typeof import("./npm-registry.mjs").createNpm>} Npm
 */

/**
 * @param {object} options
 * @param {string} options.rootDir
 * @param {Npm} options.npm
 * @param {string} [options.tag]         the release's dist-tag
 * @param {string} [options.stagingTag]  where uploads wait until the whole release is confirmed
 * @param {boolean} [options.dryRun]     check and plan; upload and move nothing
 * @param {boolean} [options.gitTags]    tag git for what reached the release tag
 * @param {(line: string) => void} [options.log]
 * @param {(pkg: { dir: string, tarball: string, name: string, version: string }) => Promise<string[]>} [options.check]
 * @param {(dir: string, dest: string) => Promise<string>} [options.pack]
 * @param {(ms: number) => Promise<void>} [options.sleep]
 * @returns {Promise<{ complete: boolean, rows: Row[], newTags: string[] }>}
 */
export async function releasePublish({
  rootDir,
  npm,
  tag = "latest",
  stagingTag = "staging",
  dryRun = false,
  gitTags = true,
  log = (line) => console.log(line),
  check = checkPackedPackage,
  pack = packPackage,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}) {
  if (tag === stagingTag) throw new Error(`the release tag and the staging tag are both "${tag}"`);
  const ordered = dependencyOrder(await readPublicPackages(rootDir));
  /** @type {Map<string, Row>} */
  const rows = new Map(
    ordered.map((p) => [p.name, { name: p.name, version: p.version, outcome: /** @type {Outcome} */ ("skipped"), why: "" }]),
  );
  const set = (/** @type {string} */ name, /** @type {Outcome} */ outcome, why = "") =>
    Object.assign(/** @type {Row} */ (rows.get(name)), { outcome, why });
  const finish = (/** @type {boolean} */ complete, /** @type {string[]} */ newTags = []) => ({
    complete,
    rows: [...rows.values()],
    newTags,
  });
  const skipAll = (/** @type {string} */ why) => {
    for (const row of rows.values()) if (row.outcome === "skipped" && !row.why) row.why = why;
  };

  try {
    await npm.whoami();
  } catch (error) {
    skipAll(`the registry refused the credentials (npm whoami: ${reason(error)}): nothing was published`);
    return finish(false);
  }
  /** @type {Map<string, import("./npm-registry.mjs").RegistryPackage | undefined>} */
  const registry = new Map();
  const states = await mapLimit(ordered, VIEW_CONCURRENCY, (pkg) => npm.view(pkg.name));
  for (const [index, pkg] of ordered.entries()) registry.set(pkg.name, states[index]);
  const { steps, released, problems } = planRelease(ordered, registry, tag);
  for (const pkg of released) set(pkg.name, "unchanged", `already ${tag}`);
  // A staging tag an earlier, failed run left on a package that is released by now (a first
  // release's leaves, which the registry made `latest` by themselves) has done its job.
  const clearStaging = async () => {
    for (const pkg of released)
      if (registry.get(pkg.name)?.distTags[stagingTag] !== undefined) await npm.removeTag(pkg.name, stagingTag).catch(() => {});
  };
  if (problems.length > 0) {
    skipAll(problems.join("; "));
    return finish(false);
  }

  const packDir = await mkdtemp(path.join(tmpdir(), "vendorspec-release-"));
  try {
    // 1. Everything that can be checked before the first upload.
    /** @type {Map<string, string>} */
    const tarballs = new Map();
    // Packing and checking is CPU work (publint, arethetypeswrong): one package per core.
    const findings = await mapLimit(steps, CHECK_CONCURRENCY, async (step) => {
      const found = [];
      if (step.upload) {
        log(`checking ${step.name}@${step.version}`);
        try {
          const tarball = await pack(step.dir, path.join(packDir, step.name.replace("/", "+")));
          tarballs.set(step.name, tarball);
          found.push(...(await check({ dir: step.dir, tarball, name: step.name, version: step.version })));
        } catch (error) {
          found.push(`packing failed: ${reason(error)}`);
        }
      }
      // A dry run writes nothing, not even the probe tag.
      if (!step.firstRelease && !dryRun) found.push(...(await probeWriteAccess(npm, step, registry.get(step.name), stagingTag)));
      return found;
    });
    let blocked = false;
    for (const [index, step] of steps.entries()) {
      const found = findings[index] ?? [];
      if (found.length > 0) {
        set(step.name, "failed", found.join("; "));
        blocked = true;
      }
    }
    if (blocked) {
      skipAll("nothing is published while a package of the release fails its checks");
      return finish(false);
    }
    if (dryRun) {
      for (const step of steps)
        set(
          step.name,
          step.upload ? "would publish" : "would promote",
          step.upload ? `under ${stagingTag}, then ${tag}` : `uploaded earlier; ${tag} moves to it`,
        );
      return finish(true);
    }

    // 2. Uploads, leaves first, each after its dependencies are confirmed.
    const inRelease = new Set(steps.map((s) => s.name));
    /** @type {Set<string>} */
    const confirmed = new Set();
    for (const step of steps) {
      const missing = step.dependsOn.filter((d) => inRelease.has(d) && !confirmed.has(d));
      if (missing.length > 0) {
        set(step.name, "skipped", `needs ${missing.map((d) => `${d}@${rows.get(d)?.version}`).join(", ")}, not on the registry`);
        continue;
      }
      if (step.upload) {
        log(`publishing ${step.name}@${step.version} under ${stagingTag}`);
        try {
          await npm.publish(/** @type {string} */ (tarballs.get(step.name)), stagingTag);
        } catch (error) {
          // The upload may have landed although npm reported a failure (a timeout after the write).
          if (!(await isOnRegistry(npm, step.name, step.version))) {
            set(step.name, "failed", reason(error));
            continue;
          }
        }
      }
      if (!(await waitUntilVisible(npm, step.name, step.version, sleep))) {
        set(step.name, "failed", "uploaded, but the registry does not list the version");
        continue;
      }
      confirmed.add(step.name);
      set(step.name, "uploaded, not promoted", step.upload ? `published under ${stagingTag}` : `uploaded by an earlier run`);
    }

    // 3. The release tag moves only when the whole release is on the registry.
    if (confirmed.size < steps.length) {
      for (const step of steps.filter((s) => confirmed.has(s.name))) {
        // The registry made a first version `latest` by itself: live, but nothing it needs is missing.
        if (step.firstRelease) set(step.name, "published", `first version, ${tag} by itself; what depends on a failed package waits`);
        else
          set(
            step.name,
            "uploaded, not promoted",
            `under ${stagingTag}; ${tag} stays on the previous set until a re-run completes the release`,
          );
      }
      return finish(false, await tagGit(rootDir, ordered, registry, new Set(), tag, gitTags, log));
    }
    const promoted = new Set();
    for (const step of steps) {
      try {
        await npm.addTag(step.name, step.version, tag);
        promoted.add(step.name);
        set(step.name, step.upload ? "published" : "promoted", `${tag} → ${step.version}${step.current ? ` (was ${step.current})` : ""}`);
      } catch (error) {
        set(step.name, "failed", `uploaded, but moving ${tag} failed: ${reason(error)}`);
      }
      // The staging tag has done its job; a leftover one is harmless, so its removal may fail.
      await npm.removeTag(step.name, stagingTag).catch(() => {});
    }
    if (promoted.size === steps.length) await clearStaging();
    const newTags = await tagGit(rootDir, ordered, registry, promoted, tag, gitTags, log);
    return finish(promoted.size === steps.length, newTags);
  } finally {
    await rm(packDir, { recursive: true, force: true });
  }
}

/**
 * Writing a dist-tag takes the same right as publishing: a probe tag on a version the registry has
 * shows the credentials can write to the package, before anything of the release is uploaded.
 * @param {Npm} npm
 * @param {import("./plan-release.mjs").ReleaseStep} step
 * @param {import("./npm-registry.mjs").RegistryPackage | undefined} state
 * @param {string} stagingTag
 */
async function probeWriteAccess(npm, step, state, stagingTag) {
  const existing = step.current ?? state?.versions.at(-1);
  if (!existing) return [];
  const probe = `${stagingTag}-write-check`;
  try {
    await npm.addTag(step.name, existing, probe);
  } catch (error) {
    return [`the credentials cannot publish ${step.name}: ${reason(error)}`];
  }
  await npm.removeTag(step.name, probe).catch(() => {});
  return [];
}

/** @param {Npm} npm @param {string} name @param {string} version */
async function isOnRegistry(npm, name, version) {
  const state = await npm.view(name).catch(() => undefined);
  return state?.versions.includes(version) ?? false;
}

/** A registry may answer the upload before its read side lists the version; wait a little for it. */
async function waitUntilVisible(
  /** @type {Npm} */ npm,
  /** @type {string} */ name,
  /** @type {string} */ version,
  /** @type {(ms: number) => Promise<void>} */ sleep,
) {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await isOnRegistry(npm, name, version)) return true;
    await sleep(500 * (attempt + 1));
  }
  return false;
}

/**
 * Git tags `name@version` for every package whose version is now the release tag's and that has no
 * such git tag yet; `New tag:` lines (changesets' words) for them.
 * @param {string} rootDir
 * @param {import("./workspace-packages.mjs").PublicPackage[]} ordered
 * @param {Map<string, import("./npm-registry.mjs").RegistryPackage | undefined>} registry  before this run
 * @param {Set<string>} promoted
 * @param {string} tag
 * @param {boolean} enabled
 * @param {(line: string) => void} log
 */
async function tagGit(rootDir, ordered, registry, promoted, tag, enabled, log) {
  if (!enabled) return [];
  const git = (/** @type {string[]} */ args) => run("git", args, { cwd: rootDir });
  if (
    !(await git(["rev-parse", "--git-dir"]).then(
      () => true,
      () => false,
    ))
  )
    return [];
  const existing = new Set((await git(["tag", "--list"])).stdout.split("\n").filter(Boolean));
  const created = [];
  for (const pkg of ordered) {
    const live = promoted.has(pkg.name) || registry.get(pkg.name)?.distTags[tag] === pkg.version;
    const name = `${pkg.name}@${pkg.version}`;
    if (!live || existing.has(name)) continue;
    await git(["tag", name]);
    created.push(name);
    log(`🦋  New tag:  ${name}`);
  }
  return created;
}

const reason = (/** @type {unknown} */ error) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 300) ?? "";

/**
 * @param {Row[]} rows
 * @returns {string}
 */
export function formatRows(rows) {
  const width = (/** @type {(r: Row) => string} */ get, /** @type {string} */ head) =>
    Math.max(head.length, ...rows.map((r) => get(r).length));
  const n = width((r) => r.name, "package");
  const v = width((r) => r.version, "version");
  const o = width((r) => r.outcome, "result");
  const line = (/** @type {string[]} */ cells) =>
    `${cells[0]?.padEnd(n)}  ${cells[1]?.padEnd(v)}  ${cells[2]?.padEnd(o)}  ${cells[3]}`.trimEnd();
  return [line(["package", "version", "result", "why"]), ...rows.map((r) => line([r.name, r.version, r.outcome, r.why]))].join("\n");
}

/**
 * `fn` over `items` with at most `limit` running at once; results in the items' order.
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function mapLimit(items, limit, fn) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(/** @type {T} */ (items[index]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

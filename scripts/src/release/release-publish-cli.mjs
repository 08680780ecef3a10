#!/usr/bin/env node
// @ts-check
// `pnpm release:publish`: the publish step of a release (after `changeset version`, build and
// test), with npm's configured registry and credentials. See release-publish.mjs for the rules.
import { readCliArgs } from "../cli/parse-cli-args.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { createNpm } from "./npm-registry.mjs";
import { formatRows, releasePublish } from "./release-publish.mjs";

const USAGE = `usage: pnpm release:publish [--tag <dist-tag>] [--staging-tag <dist-tag>] [--dry-run] [--no-git-tag]
  Publishes every public package whose version is not yet the release tag's, so that consumers
  install either the whole previous set or the whole new one:
  - packs and checks every tarball (publint, arethetypeswrong, allowed files) and that the
    credentials can write each package already on the registry; a problem publishes nothing;
  - uploads in dependency order under the staging tag, each after its dependencies are confirmed;
  - moves the release tag only when every package of the release is on the registry;
  - tags git name@version for what reached the release tag (changesets' "New tag:" lines).
  A re-run after a failure uploads only what is missing, then promotes. Exit 0 when the release is
  complete, 1 with a per-package table when it is not, 2 for a bad command line.

  --tag <dist-tag>          the release's dist-tag (default latest)
  --staging-tag <dist-tag>  where uploads wait for the rest of the release (default staging)
  --dry-run                 check and print the plan; upload and move nothing
  --no-git-tag              do not create git tags
  --help                    this text

example:
  pnpm release:publish
`;
const { values } = readCliArgs({
  name: "release:publish",
  usage: USAGE,
  options: {
    tag: { type: "string" },
    "staging-tag": { type: "string" },
    "dry-run": { type: "boolean" },
    "no-git-tag": { type: "boolean" },
  },
});
const TAG = /^[a-z][a-z0-9._-]{0,63}$/i;
for (const flag of /** @type {const} */ (["tag", "staging-tag"])) {
  const value = values[flag];
  // A semver-like tag would be read as a version range by npm.
  if (value !== undefined && (!TAG.test(value) || /^v?\d/.test(value))) {
    process.stderr.write(`release:publish: --${flag} must be a dist-tag name (letters first), got ${JSON.stringify(value)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const rootDir = findRepoRoot();
try {
  const result = await releasePublish({
    rootDir,
    npm: createNpm({ cwd: rootDir }),
    tag: values.tag ?? "latest",
    stagingTag: values["staging-tag"] ?? "staging",
    dryRun: values["dry-run"] === true,
    gitTags: values["no-git-tag"] !== true,
  });
  console.log(`\n${formatRows(result.rows)}`);
  console.log(
    result.complete
      ? "\nrelease:publish: the release is complete"
      : "\nrelease:publish: the release is NOT complete; fix the failures above and run it again",
  );
  process.exitCode = result.complete ? 0 : 1;
} catch (error) {
  console.error(`release:publish: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

// @ts-check
// Which packages a release has to move, from the workspace's versions and the registry's state:
// every public package whose version is not yet the release tag's. One whose version is already
// on the registry (an earlier run uploaded it under the staging tag) needs no upload, only the
// promotion; one that was never published is a first release, whose first version the registry
// makes `latest` by itself, so its dependents must wait for it.

/**
 * @typedef {import("./workspace-packages.mjs").PublicPackage} PublicPackage
 * @typedef {import("./npm-registry.mjs").RegistryPackage} RegistryPackage
 * @typedef {PublicPackage & { upload: boolean, firstRelease: boolean, current: string | undefined }} ReleaseStep
 *   current: the version the release tag names now (what consumers get until the promotion)
 */

/**
 * @param {PublicPackage[]} ordered  dependency order (workspace-packages.mjs)
 * @param {Map<string, RegistryPackage | undefined>} registry
 * @param {string} tag  the release's dist-tag
 * @returns {{ steps: ReleaseStep[], released: PublicPackage[], problems: string[] }}
 *   released: already at `tag` with this version; problems: versions the registry is ahead of
 */
export function planRelease(ordered, registry, tag) {
  /** @type {ReleaseStep[]} */
  const steps = [];
  /** @type {PublicPackage[]} */
  const released = [];
  /** @type {string[]} */
  const problems = [];
  for (const pkg of ordered) {
    const state = registry.get(pkg.name);
    const current = state?.distTags[tag];
    if (current === pkg.version) {
      released.push(pkg);
      continue;
    }
    if (current !== undefined && isNewer(current, pkg.version))
      problems.push(
        `${pkg.name}: the registry's ${tag} is ${current}, newer than the workspace's ${pkg.version} (version the packages first)`,
      );
    steps.push({ ...pkg, upload: !(state?.versions.includes(pkg.version) ?? false), firstRelease: state === undefined, current });
  }
  return { steps, released, problems };
}

/** a > b for x.y.z versions; a prerelease part only breaks ties (1.0.0 > 1.0.0-rc.1). */
export function isNewer(/** @type {string} */ a, /** @type {string} */ b) {
  const parse = (/** @type {string} */ v) => {
    const [core = "", pre] = v.split("-", 2);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) > (y.nums[i] ?? 0);
  if (x.pre === y.pre) return false;
  if (x.pre === undefined) return true;
  if (y.pre === undefined) return false;
  return x.pre > y.pre;
}

#!/usr/bin/env node
// Fails when an installed package's `engines.node` does not accept the Node this project says it runs on:
// every version in package.json's own `engines.node` (e.g. a dependency needing ">=22.12" under our ">=20"),
// and the Node running now. npm only warns about these (EBADENGINE) and installs anyway, so without this check a
// dependency that dropped our Node could come back silently. Walks node_modules (nested and scoped packages too),
// so it sees exactly what was installed. Run from the repository root: `npm run deps:check`.
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const own = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const supported = own.engines?.node;
if (!supported || !semver.validRange(supported)) {
  console.error(`check-engines: package.json needs a valid "engines.node" (found ${JSON.stringify(supported)}).`);
  process.exit(1);
}
if (!semver.satisfies(process.version, supported)) {
  console.error(`check-engines: this is Node ${process.version}; package.json says "engines.node": "${supported}".`);
  process.exit(1);
}

/** Every package directory under a node_modules directory: a/, @scope/b/, and their own node_modules, recursively. */
function* packages(nodeModules, seen = new Set()) {
  let real;
  try {
    real = realpathSync(nodeModules);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of readdirSync(real, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const dir = path.join(real, entry.name);
    if (entry.name.startsWith("@")) {
      for (const scoped of readdirSync(dir, { withFileTypes: true })) {
        yield path.join(dir, scoped.name);
        yield* packages(path.join(dir, scoped.name, "node_modules"), seen);
      }
    } else {
      yield dir;
      yield* packages(path.join(dir, "node_modules"), seen);
    }
  }
}

const problems = [];
let checked = 0;
for (const dir of packages(path.join(root, "node_modules"))) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  } catch {
    continue; // not a package (a .bin link, a stray folder)
  }
  const wants = typeof manifest.engines?.node === "string" ? manifest.engines.node.trim() : "";
  if (!wants || !manifest.name) continue;
  checked++;
  const range = semver.validRange(wants);
  if (!range) continue; // unparseable ranges ("node >= 0.4" and the like) are not a promise to check
  const where = path.relative(root, dir);
  if (!semver.satisfies(process.version, range))
    problems.push(`${manifest.name}@${manifest.version} (${where}) needs node "${wants}"; this is ${process.version}`);
  else if (!semver.subset(supported, range))
    problems.push(`${manifest.name}@${manifest.version} (${where}) needs node "${wants}", narrower than our "engines.node": "${supported}"`);
}

if (problems.length) {
  console.error(`check-engines: ${problems.length} installed package(s) do not accept the Node this project supports:`);
  for (const p of problems) console.error(`  - ${p}`);
  console.error('Pin a version that supports it (npm view <name>@<major> engines), or an "overrides" entry, or raise "engines.node".');
  process.exit(1);
}
console.log(`check-engines: ${checked} packages declare engines.node; all accept "${supported}" and ${process.version}.`);

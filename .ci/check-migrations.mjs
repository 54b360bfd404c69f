#!/usr/bin/env node
// Fails when db/migrations is out of date with db/schema: runs `drizzle-kit generate` and checks whether that
// created or changed anything under db/migrations. Whatever it generated is removed again (or restored), so the
// check leaves the working tree as it found it. Run from the repository root: `npm run db:check`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = "db/migrations";

/** `git status --porcelain` for db/migrations, untracked files listed one by one. */
function status() {
  return execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", dir], { cwd: root, encoding: "utf8" });
}

/** Path -> contents (or null when absent) of every file git reports under db/migrations. */
function snapshot(porcelain) {
  const files = new Map();
  for (const line of porcelain.split("\n").filter(Boolean)) {
    const file = line.slice(3).replace(/^"|"$/g, "");
    const full = path.join(root, file);
    files.set(file, existsSync(full) ? readFileSync(full) : null);
  }
  return files;
}

const before = status();
const beforeFiles = snapshot(before);
// Keep a copy of the tracked journal/snapshots state too: drizzle-kit rewrites meta/_journal.json when it generates.
const backup = mkdtempSync(path.join(os.tmpdir(), "signet-migrations-"));
execFileSync("cp", ["-a", path.join(root, dir), backup]);

const result = spawnSync("npx", ["--no-install", "drizzle-kit", "generate", "--config", "db/drizzle.config.ts"], {
  cwd: root,
  encoding: "utf8",
  // No stdin: a schema change drizzle-kit would ask about (a possible rename) makes it fail instead of wait.
  stdio: ["ignore", "pipe", "pipe"],
  timeout: 180_000,
});
const after = status();

function restore() {
  rmSync(path.join(root, dir), { recursive: true, force: true });
  execFileSync("cp", ["-a", path.join(backup, path.basename(dir)), path.join(root, dir)]);
  rmSync(backup, { recursive: true, force: true });
}

if (result.status !== 0) {
  restore();
  process.stderr.write(result.stdout + result.stderr);
  const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
  console.error(`\n✗ drizzle-kit generate failed (${why}); db/migrations left as it was.`);
  console.error("  If it wanted to ask whether a column or table was renamed, run `npm run db:generate` yourself.");
  process.exit(1);
}

const afterFiles = snapshot(after);
const changed = [...new Set([...beforeFiles.keys(), ...afterFiles.keys()])].filter((file) => {
  const a = beforeFiles.get(file);
  const b = afterFiles.get(file);
  return !(a === b || (a && b && a.equals(b)));
});

const output = result.stdout + result.stderr;
if (changed.length === 0 && before === after) {
  restore();
  // drizzle-kit 0.31 exits 0 even when it fails (e.g. "Interactive prompts require a TTY" when a change could
  // be a rename), so only its own confirmation counts as "in sync".
  if (/No schema changes, nothing to migrate/.test(output)) {
    console.log("✓ db/migrations is in sync with db/schema (drizzle-kit generate produced nothing new).");
    process.exit(0);
  }
  process.stderr.write(output);
  console.error(
    [
      "",
      "✗ drizzle-kit generate neither generated a migration nor confirmed that the schema is unchanged (see above).",
      "  If it wanted to ask whether a column or table was renamed, the schema has changed: run",
      "  `npm run db:generate` in a terminal, answer its questions and commit the migration.",
    ].join("\n"),
  );
  process.exit(1);
}

restore();
console.error(
  [
    "✗ db/migrations is out of date with db/schema: `drizzle-kit generate` produced changes in",
    ...changed.map((file) => `    ${file}`),
    "",
    "Run `npm run db:generate`, review the new migration and commit it together with the schema change.",
    "(The generated files were removed again; nothing was left in your working tree.)",
  ].join("\n"),
);
process.exit(1);

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Newest modification time below `dir` (files only), or 0. */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Where `remix build` writes (remix.config.js reads SIGNET_BUILD_DIR too): the server bundle and the browser assets. */
export function buildDirectories(root: string): { server: string; assets: string } {
  const out = process.env.SIGNET_BUILD_DIR;
  return out
    ? { server: path.resolve(root, out), assets: path.resolve(root, out, "assets") }
    : { server: path.join(root, "build"), assets: path.join(root, "public", "build") };
}

/** Runs `remix build` when there is no build or a source file is newer than it. */
export function ensureBuild(root: string): string {
  const serverBuild = path.join(buildDirectories(root).server, "index.js");
  const built = existsSync(serverBuild) ? statSync(serverBuild).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(root, "app")),
    newestMtime(path.join(root, "db", "schema")),
    statSync(path.join(root, "remix.config.js")).mtimeMs,
    statSync(path.join(root, "package.json")).mtimeMs,
  );
  if (built === 0 || sources > built) {
    console.log(built === 0 ? "Building Signet…" : "Sources changed since the last build; rebuilding…");
    const result = spawnSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (result.status !== 0) throw new Error("remix build failed");
  }
  return serverBuild;
}

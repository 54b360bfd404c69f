import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The URL paths of the files under `dir` ("/favicon.svg", "/icons/a.png"), leaving out the directories named in
 * `skip` at its top (the build's assets, served apart). The server serves public/ by this list, read once at start,
 * so a page's request does not first look for a file of its name on disk (issue 12: a stat of every page request).
 */
export function publicFilePaths(dir: string, skip: readonly string[] = []): Set<string> {
  const paths = new Set<string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!prefix && skip.includes(entry.name)) continue;
      const url = `${prefix}/${encodeURIComponent(entry.name)}`;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), url);
      else if (entry.isFile()) paths.add(url);
    }
  };
  walk(dir, "");
  return paths;
}

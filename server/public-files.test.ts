import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { publicFilePaths } from "./public-files";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("lists public/'s files as URL paths, nested ones too, without the build's directory", () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "signet-public-"));
  writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  writeFileSync(path.join(dir, "door sw.js"), "");
  mkdirSync(path.join(dir, "icons"));
  writeFileSync(path.join(dir, "icons", "door.png"), "");
  mkdirSync(path.join(dir, "build", "_assets"), { recursive: true });
  writeFileSync(path.join(dir, "build", "_assets", "app.css"), "");
  expect([...publicFilePaths(dir, ["build"])].sort()).toEqual(["/door%20sw.js", "/favicon.svg", "/icons/door.png"]);
  expect(publicFilePaths(dir)).toContain("/build/_assets/app.css");
});

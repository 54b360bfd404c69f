import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "./node-flags";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("the server's node flags are the same wherever it starts", () => {
  it("npm start and npm run dev pass them to tsx (which hands them to node)", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    for (const name of ["start", "dev"]) {
      const command = scripts[name]!;
      expect(command, name).toMatch(/tsx .*server\/index\.ts$/);
      expect(command.split("tsx ")[1]!.split(" server/index.ts")[0]!.split(" ")).toEqual([...SERVER_NODE_FLAGS]);
    }
  });

  it("the Docker image's CMD gives them to node before the server", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd!)).toEqual(["node", ...SERVER_NODE_FLAGS, "--import", "tsx", "server/index.ts"]);
  });

  it("the benches, fault tests and browser tests start the server with them", () => {
    for (const file of ["bench/support.ts", "faults/support.ts", "e2e/serve.ts"]) expect(read(file), file).toMatch(/\[\.\.\.SERVER_NODE_FLAGS, /);
  });
});

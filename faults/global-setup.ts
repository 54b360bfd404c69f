/**
 * Once before the fault suite: the production build the spawned servers run (server/build.ts rebuilds only
 * when a source is newer), so two test files never build into the same folder at once.
 */
import { ensureBuild } from "../server/build";
import { root } from "./support";

export function setup(): void {
  ensureBuild(root);
}

// The database thread's entry (db/pglite-thread.server.ts): a worker thread does not inherit the TypeScript loader
// the server runs with (`tsx server/index.ts`), so it registers tsx's own before loading the worker's code.
import { register } from "tsx/esm/api";

register();
await import("./pglite-thread.worker.ts");

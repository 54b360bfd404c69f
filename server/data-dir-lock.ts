import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite's data directory may be opened by one process at a time. The server writes its pid beside the data
 * directory; the operator CLI refuses to open it while that process is alive, with a message that says why.
 */
function lockPath(dataDir: string) {
  return path.join(dataDir, "signet.pid");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function holderOf(dataDir: string): number | null {
  const file = lockPath(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

export function acquire(dataDir: string): void {
  const holder = holderOf(dataDir);
  if (holder) {
    throw new Error(
      `The data directory ${dataDir} is in use by another Signet process (pid ${holder}). ` +
        "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockPath(dataDir), String(process.pid));
}

export function release(dataDir: string): void {
  const file = lockPath(dataDir);
  if (existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
}

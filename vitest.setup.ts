/**
 * A console.error during a test fails that test (and one during a file's hooks fails the file):
 * React warnings, unhandled driver errors and "should never happen" logs must not scroll by unnoticed.
 * A test that expects an error log spies on console.error itself first (vi.spyOn(console, "error")
 * .mockImplementation(...)); restoring that spy brings this guard back.
 * Assigned directly rather than with vi.spyOn, so vi.restoreAllMocks() in a test cannot remove the guard.
 */
import { format } from "node:util";
import { afterAll, afterEach, beforeEach } from "vitest";

const logged: string[] = [];
console.error = (...args: unknown[]) => {
  logged.push(format(...args));
};

function failIfLogged(where: string) {
  if (logged.length === 0) return;
  const messages = logged
    .splice(0)
    .map((m) => `  • ${m}`)
    .join("\n");
  throw new Error(`console.error was called ${where}:\n${messages}`);
}

beforeEach(() => failIfLogged("before this test (in a beforeAll hook or at import time)"));
afterEach(() => failIfLogged("during this test"));
afterAll(() => failIfLogged("after the last test (in an afterAll hook)"));

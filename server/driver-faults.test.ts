import { describe, expect, it } from "vitest";
import { isPostgresClosedSocketWrite } from "./driver-faults";

function typeError(message: string, stack: string): TypeError {
  const error = new TypeError(message);
  error.stack = `TypeError: ${message}\n${stack}`;
  return error;
}

describe("isPostgresClosedSocketWrite", () => {
  it("recognises postgres.js writing to a closed connection", () => {
    const error = typeError(
      "Cannot read properties of null (reading 'write')",
      "    at Immediate.nextWrite (file:///srv/signet/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)",
    );
    expect(isPostgresClosedSocketWrite(error)).toBe(true);
  });
  it("leaves every other error alone", () => {
    const elsewhere = typeError("Cannot read properties of null (reading 'write')", "    at nextWrite (file:///srv/signet/app/x.ts:1:1)");
    const otherMessage = typeError("Cannot read properties of null (reading 'end')", "    at Immediate.nextWrite (/x/postgres/src/connection.js:1:1)");
    expect(isPostgresClosedSocketWrite(elsewhere)).toBe(false);
    expect(isPostgresClosedSocketWrite(otherMessage)).toBe(false);
    expect(isPostgresClosedSocketWrite(new Error("Cannot read properties of null (reading 'write')"))).toBe(false);
    expect(isPostgresClosedSocketWrite("boom")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  cancellationKey,
  invitationKey,
  invitationRequestKey,
  manualReminderKey,
  scheduledReminderKey,
  updateKey,
  withdrawalKey,
} from "./keys";

const id = "0b6f2c1e-4d8a-4c55-9d2e-3f1a7b9c8d01";

describe("idempotency keys", () => {
  it("name one message each", () => {
    expect(invitationKey(id, 0)).toBe(`invitation:${id}:seq:0`);
    expect(invitationRequestKey(id, 2, "r1")).toBe(`invitation:${id}:seq:2:request:r1`);
    expect(updateKey(id, 3)).toBe(`update:${id}:seq:3`);
    expect(cancellationKey(id, 4)).toBe(`cancel:${id}:seq:4`);
    expect(withdrawalKey(id)).toBe(`withdraw:${id}`);
    expect(scheduledReminderKey(id, "rem")).toBe(`reminder:${id}:rem`);
    expect(manualReminderKey(id, "2031-04-07")).toBe(`reminder:${id}:manual:2031-04-07`);
  });
  it("differ between kinds, sequences and requests", () => {
    const all = [
      invitationKey(id, 0),
      invitationKey(id, 1),
      invitationRequestKey(id, 1, "a"),
      invitationRequestKey(id, 1, "b"),
      updateKey(id, 1),
      cancellationKey(id, 1),
      withdrawalKey(id),
      scheduledReminderKey(id, "a"),
      manualReminderKey(id, "2031-04-07"),
      manualReminderKey(id, "2031-04-08"),
    ];
    expect(new Set(all).size).toBe(all.length);
  });
});

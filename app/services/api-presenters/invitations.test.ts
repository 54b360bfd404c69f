import { describe, expect, it } from "vitest";
import { invitationJsonSchema } from "~/domain/api/resources";
import type { InvitationWithPerson } from "~/models/invitations.server";
import { invitationToJson } from "~/services/api-presenters/invitations.server";

const at = new Date("2031-04-01T03:00:00Z");
const base: InvitationWithPerson = {
  id: "0b6f3a52-6f35-4d8e-9d7c-2a1f0e3b4c5d",
  eventId: "1b6f3a52-6f35-4d8e-9d7c-2a1f0e3b4c5d",
  personId: "2b6f3a52-6f35-4d8e-9d7c-2a1f0e3b4c5d",
  role: "guest",
  groupLabel: null,
  plusOnes: 2,
  companionNames: ["Đỗ Thư Ký"],
  deputyForInvitationId: "3b6f3a52-6f35-4d8e-9d7c-2a1f0e3b4c5d",
  status: "accepted",
  respondedAt: at,
  comment: null,
  dietaryNeeds: null,
  accessNeeds: null,
  withdrawnAt: null,
  bouncedAt: at,
  bounceReason: "550 5.1.1 <pho@so.test>: mailbox unavailable",
  bouncedEmail: "PHO@so.test",
  createdAt: at,
  updatedAt: at,
  person: { id: "2b6f3a52-6f35-4d8e-9d7c-2a1f0e3b4c5d", honorific: "bà", fullName: "Phạm Thị Phó", positions: [], organization: null, email: "pho@so.test", phone: null, language: "vi", notes: null },
};

describe("the invitation's JSON", () => {
  it("carries the named companions, whom a deputy stands in for, and a bounce that stands (its reason only with personal data)", () => {
    const full = invitationToJson(base, true);
    expect(full).toMatchObject({
      companionNames: ["Đỗ Thư Ký"],
      deputyForInvitationId: base.deputyForInvitationId,
      bounce: { at: "2031-04-01T03:00:00Z", reason: base.bounceReason },
    });
    expect(invitationJsonSchema.safeParse(full).success).toBe(true);
    const plain = invitationToJson(base, false);
    expect(plain.bounce).toEqual({ at: "2031-04-01T03:00:00Z" });
    expect(invitationJsonSchema.safeParse(plain).success).toBe(true);
  });
  it("has no bounce once the address was corrected, nor without one", () => {
    expect(invitationToJson({ ...base, person: { ...base.person, email: "new@so.test" } }, true).bounce).toBeNull();
    expect(invitationToJson({ ...base, bouncedAt: null }, true).bounce).toBeNull();
    expect(invitationToJson({ ...base, companionNames: null, deputyForInvitationId: null }, true)).toMatchObject({ companionNames: null, deputyForInvitationId: null });
  });
});

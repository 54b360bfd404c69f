import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/domain/forms/fields";
import { agreementSigningSchema } from "./seating.schema";

const org = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-000000000000`;
const person = "aaaaaaaa-0000-4000-8000-000000000000";

function errorsOf(input: unknown) {
  const result = agreementSigningSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("agreementSigningSchema", () => {
  it("accepts distinct orders and signatories", () => {
    const r = agreementSigningSchema.parse({
      hostSide: "right",
      originals: "2",
      parties: [
        { organizationId: org(1), dignitaryId: person, signingOrder: "1" },
        { organizationId: org(2), dignitaryId: "", signingOrder: "2" },
      ],
    });
    expect(r.parties.map((p) => [p.signingOrder, p.dignitaryId])).toEqual([[1, person], [2, null]]);
  });
  it("reports a repeated order and signatory together with the other errors of the submission", () => {
    expect(
      errorsOf({
        hostSide: "up",
        originals: "0",
        parties: [
          { organizationId: org(1), dignitaryId: person, signingOrder: "1" },
          { organizationId: org(2), dignitaryId: person, signingOrder: "1" },
          { organizationId: org(3), dignitaryId: "", signingOrder: "x" },
        ],
      }),
    ).toEqual({
      hostSide: "errors.choice",
      originals: "errors.number",
      "parties.1.signingOrder": "protocol.errors.signingOrderTwice",
      "parties.1.dignitaryId": "protocol.errors.signsTwice",
      "parties.2.signingOrder": "errors.number",
    });
  });
});

/** A check-in at the door as the API answers it (docs/api.md, "Check-in"; the schema: app/domain/api/resources.ts). */
import type { CheckInJson } from "~/domain/api/resources";
import type { CheckInInfo, Guest } from "~/services/check-in.server";
import { isoUtc } from "./iso.server";
import { personNameToJson } from "./people.server";

export function checkInToJson(guest: Guest, checkIn: CheckInInfo): CheckInJson {
  return {
    invitationId: guest.invitationId,
    ...personNameToJson(guest),
    role: guest.role,
    group: guest.groupLabel,
    plusOnes: guest.plusOnes,
    status: guest.status,
    checkedInAt: isoUtc(checkIn.at),
    checkedInBy: { id: checkIn.byUserId, name: checkIn.byName },
  };
}

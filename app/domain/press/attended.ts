/**
 * "Attended only" (docs/decisions/022-offline-door.md): after the event the report names only the dignitaries who
 * were checked in at the door. Pure: takes the facts and who arrived, returns the facts without the absent and the
 * list of those absent. The drafter itself (draft.ts) is unchanged: it writes whatever the facts hold.
 */
import type { PressDignitary, PressFacts } from "./types";

export function keepAttended(facts: PressFacts, arrivedInvitationIds: ReadonlySet<string>): { facts: PressFacts; absent: PressDignitary[] } {
  const present = facts.dignitaries.filter((d) => arrivedInvitationIds.has(d.invitationId));
  const absent = facts.dignitaries.filter((d) => !arrivedInvitationIds.has(d.invitationId));
  const gone = new Set(absent.map((d) => d.id));
  return {
    facts: {
      ...facts,
      dignitaries: present,
      // An absent dignitary's speech was not given by them: its key points go, unless the slot has a collective subject.
      speeches: facts.speeches.map((s) => (s.dignitaryId && gone.has(s.dignitaryId) ? { ...s, dignitaryId: null, speakerName: null, speakerEnglish: null } : s)),
    },
    absent,
  };
}

/** The default: attended only once the event has ended and the door recorded at least one arrival. */
export function attendedOnlyByDefault(event: { endsAt: Date }, arrivals: number, now: Date): boolean {
  return arrivals > 0 && event.endsAt.getTime() <= now.getTime();
}

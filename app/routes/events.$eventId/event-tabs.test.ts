import { describe, expect, it } from "vitest";
import { eventTabGroups, groupOfPath, sectionOfPath, type EventSection } from "./event-tabs";

const id = "e1";
const all = () => true;

describe("eventTabGroups", () => {
  it("puts the twelve sections in four groups", () => {
    const groups = eventTabGroups(all);
    expect(groups.map((g) => [g.name, g.sections.map((s) => s.section)])).toEqual([
      ["guests", ["attendees", "mail", "check-in", "letters"]],
      ["protocol", ["dignitaries", "ceremony", "seating", "agenda"]],
      ["media", ["photos", "press"]],
      ["manage", ["team", "history", "webhooks", "edit"]],
    ]);
  });
  it("leaves out the sections the user may not open", () => {
    const denied = new Set<EventSection>(["mail", "check-in", "edit", "webhooks"]);
    const groups = eventTabGroups((s) => !denied.has(s));
    expect(groups.find((g) => g.name === "guests")?.sections.map((s) => s.section)).toEqual(["attendees", "letters"]);
    expect(groups.find((g) => g.name === "manage")?.sections.map((s) => s.section)).toEqual(["team", "history"]);
  });
  it("drops a group left empty", () => {
    expect(eventTabGroups((s) => s !== "photos" && s !== "press").map((g) => g.name)).toEqual(["guests", "protocol", "manage"]);
  });
});

describe("groupOfPath", () => {
  const groups = eventTabGroups(all);
  it("finds the group of a section and of the pages beside it", () => {
    expect(groupOfPath(groups, `/events/${id}/seating`, id)?.name).toBe("protocol");
    expect(groupOfPath(groups, `/events/${id}/agenda/mc`, id)?.name).toBe("protocol");
    expect(groupOfPath(groups, `/events/${id}/attendees/new`, id)?.name).toBe("guests");
    expect(groupOfPath(groups, `/events/${id}/letters/print`, id)?.name).toBe("guests");
    expect(groupOfPath(groups, `/events/${id}/press/abc`, id)?.name).toBe("media");
    expect(groupOfPath(groups, `/events/${id}/edit`, id)?.name).toBe("manage");
    expect(groupOfPath(groups, `/events/${id}/webhooks`, id)?.name).toBe("manage");
  });
  it("has none for the overview, an unknown section or another event", () => {
    expect(groupOfPath(groups, `/events/${id}`, id)).toBeNull();
    expect(groupOfPath(groups, `/events/${id}/`, id)).toBeNull();
    expect(groupOfPath(groups, `/events/${id}/nowhere`, id)).toBeNull();
    expect(sectionOfPath(`/events/other/seating`, id)).toBeNull();
    expect(sectionOfPath(`/events/${id}2/seating`, id)).toBeNull();
  });
  it("has none for a section the user may not open", () => {
    expect(groupOfPath(eventTabGroups((s) => s !== "mail"), `/events/${id}/mail`, id)).toBeNull();
  });
});

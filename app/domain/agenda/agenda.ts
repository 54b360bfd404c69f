/** Agenda arithmetic: pure, minute precision. */
export const agendaKinds = [
  "arrival",
  "opening",
  "introduction",
  "speech",
  "signing",
  "photo",
  "gifts",
  "closing",
  "reception",
  "other",
] as const;
export type AgendaKind = (typeof agendaKinds)[number];

export interface AgendaTiming {
  id: string;
  startsAt: Date;
  durationMinutes: number;
}

const MINUTE = 60_000;

export function endOf(item: AgendaTiming): Date {
  return new Date(item.startsAt.getTime() + item.durationMinutes * MINUTE);
}

/** Sorted by start, then by the given order (stable). */
export function sortAgenda<T extends AgendaTiming>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.startsAt.getTime() - b.item.startsAt.getTime() || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Times cascade: after the item at `fromIndex` changed (or the list was reordered), every later item starts
 * when the one before it ends — gaps that existed between later items are kept.
 */
export function cascade<T extends AgendaTiming>(items: T[], fromIndex: number, previousEnds?: Date[]): T[] {
  const out = items.map((x) => ({ ...x }));
  for (let i = Math.max(1, fromIndex + 1); i < out.length; i++) {
    const prev = out[i - 1]!;
    const oldGap =
      previousEnds && previousEnds[i - 1]
        ? Math.max(0, items[i]!.startsAt.getTime() - previousEnds[i - 1]!.getTime())
        : 0;
    out[i]!.startsAt = new Date(endOf(prev).getTime() + oldGap);
  }
  return out;
}

/** Lays items back to back from a start time in the given order (for reordering by drag and drop). */
export function layOut<T extends AgendaTiming>(items: T[], start: Date): T[] {
  let at = start.getTime();
  return items.map((x) => {
    const item = { ...x, startsAt: new Date(at) };
    at += x.durationMinutes * MINUTE;
    return item;
  });
}

export type AgendaIssue =
  | { kind: "overlap"; itemId: string; withId: string }
  | { kind: "pastEventEnd"; itemId: string }
  | { kind: "beforeEventStart"; itemId: string };

/**
 * Overlaps (every overlapping pair, reported on the later-starting item — also an item inside a long one
 * that is not its direct neighbour), and items starting before or ending after the event.
 */
export function agendaIssues(items: AgendaTiming[], event: { startsAt: Date; endsAt: Date }): AgendaIssue[] {
  const issues: AgendaIssue[] = [];
  const sorted = sortAgenda(items);
  sorted.forEach((item, i) => {
    if (item.startsAt < event.startsAt) issues.push({ kind: "beforeEventStart", itemId: item.id });
    if (endOf(item) > event.endsAt) issues.push({ kind: "pastEventEnd", itemId: item.id });
    for (const earlier of sorted.slice(0, i))
      if (item.startsAt < endOf(earlier) && item.durationMinutes > 0 && earlier.durationMinutes > 0)
        issues.push({ kind: "overlap", itemId: item.id, withId: earlier.id });
  });
  return issues;
}

export interface TemplateItem {
  kind: AgendaKind;
  title: { vi: string; en: string };
  durationMinutes: number;
}

/** The usual order of a Vietnamese signing ceremony (Decree 145/2013, see docs/press-style.md and ../shared/PRESS-STYLE.md). */
export const signingCeremonyTemplate: TemplateItem[] = [
  { kind: "arrival", title: { vi: "Đón tiếp đại biểu", en: "Arrival and reception of guests" }, durationMinutes: 15 },
  { kind: "opening", title: { vi: "Chào cờ, Quốc ca", en: "Flag salute and national anthem" }, durationMinutes: 5 },
  { kind: "introduction", title: { vi: "Tuyên bố lý do, giới thiệu đại biểu", en: "Purpose of the ceremony and introduction of delegates" }, durationMinutes: 5 },
  { kind: "speech", title: { vi: "Phát biểu của đại diện cơ quan chủ trì", en: "Remarks by the host" }, durationMinutes: 10 },
  { kind: "signing", title: { vi: "Ký kết chương trình phối hợp", en: "Signing of the cooperation programme" }, durationMinutes: 10 },
  { kind: "speech", title: { vi: "Phát biểu của lãnh đạo", en: "Remarks by the leadership" }, durationMinutes: 15 },
  { kind: "photo", title: { vi: "Chụp ảnh lưu niệm", en: "Souvenir photo" }, durationMinutes: 5 },
  { kind: "closing", title: { vi: "Bế mạc", en: "Closing" }, durationMinutes: 5 },
];

/** The template laid out from the event's start: arrival before it, the ceremony from the start on. */
export function templateAt(eventStart: Date, template: TemplateItem[] = signingCeremonyTemplate) {
  const arrival = template[0]?.kind === "arrival" ? template[0] : null;
  let at = eventStart.getTime() - (arrival ? arrival.durationMinutes * MINUTE : 0);
  return template.map((t) => {
    const item = { ...t, startsAt: new Date(at) };
    at += t.durationMinutes * MINUTE;
    return item;
  });
}

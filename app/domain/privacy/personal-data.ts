/**
 * What Signet treats as personal data (docs/decisions/017-personal-data.md). Pure: the lists every presenter,
 * export and erasure reads, and the retention arithmetic.
 *
 * - A person's contact details and notes: `email`, `phone`, `notes` (the people directory).
 * - What an invitee told us for one event: `dietaryNeeds`, `accessNeeds`, their `comment` with the answer.
 * - The photos' originals: the files as uploaded, with EXIF metadata (camera, time, GPS position).
 *
 * Names, honorifics, positions, organizations, roles and answers are the record of the event: everyone on
 * the staff reads them, retention keeps them.
 */
export const personContactFields = ["email", "phone", "notes"] as const;

export const invitationPersonalFields = ["dietaryNeeds", "accessNeeds", "comment"] as const;

export const DEFAULT_RETENTION_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Events that ended before this instant are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The first instant at which an event that ended at `endsAt` is past retention. */
export function erasableFrom(endsAt: Date, days: number): Date {
  return new Date(endsAt.getTime() + days * DAY_MS);
}

/** A copy of `value` without the listed keys: a presenter for readers who may not see personal data. */
export function omitFields<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The fields of an invitation's JSON a reader without personal data does not get. */
export const invitationJsonPersonalKeys = ["email", "phone", "notes", "dietaryNeeds", "accessNeeds", "comment"] as const;
/** The fields of a person's JSON a reader without personal data does not get. */
export const personJsonPersonalKeys = ["email", "phone", "notes"] as const;

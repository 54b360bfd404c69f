import { foldForSearch } from "../text/search";

/**
 * The people directory holds each person once. Two records are the same person when
 *  - both have an email and the emails are equal ignoring case, or
 *  - one of them has no email, and the full names (folded: no diacritics, no case) and the organizations
 *    (ignoring case and runs of spaces) are equal.
 * A name + organization match never joins two people who both have (different) emails.
 */
export interface PersonIdentity {
  email: string | null;
  fullName: string;
  organization: string | null;
}

/** The organization as compared: NFC, lower case, single spaces; "" when there is none. */
export function organizationKey(organization: string | null | undefined): string {
  return (organization ?? "").normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

export function emailKey(email: string | null | undefined): string | null {
  const e = (email ?? "").trim().toLowerCase();
  return e ? e : null;
}

/** The name as stored in people.name_search. */
export function nameSearchOf(fullName: string): string {
  return foldForSearch(fullName.normalize("NFC"));
}

export function nameOrgKey(p: { fullName: string; organization: string | null }): string {
  return `${nameSearchOf(p.fullName)}|${organizationKey(p.organization)}`;
}

/** One key per person within a batch: by email when there is one, else by folded name + organization. */
export function personDedupeKey(p: PersonIdentity): string {
  const email = emailKey(p.email);
  return email ? `email:${email}` : `name:${nameOrgKey(p)}`;
}

export interface DirectoryCandidate {
  id: string;
  email: string | null;
  fullName: string;
  organization: string | null;
}

/**
 * Picks the directory entry a new record belongs to, or null for a new person.
 * `candidates` are the people found by the same email or the same folded name (in a stable order, oldest
 * first); this applies the rules above.
 */
export function matchPerson(record: PersonIdentity, candidates: readonly DirectoryCandidate[]): DirectoryCandidate | null {
  const email = emailKey(record.email);
  if (email) {
    const byEmail = candidates.find((c) => emailKey(c.email) === email);
    if (byEmail) return byEmail;
  }
  const key = nameOrgKey(record);
  const sameNameOrg = candidates.filter((c) => nameOrgKey(c) === key);
  if (email) return sameNameOrg.find((c) => emailKey(c.email) === null) ?? null;
  // No email: prefer an entry that has none either, else the (oldest) one that does.
  return sameNameOrg.find((c) => emailKey(c.email) === null) ?? sameNameOrg[0] ?? null;
}

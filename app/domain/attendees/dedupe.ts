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

/**
 * The organization as compared: NFC, lower case, single spaces; "" when there is none. Vietnamese has no casing
 * rules of its own (only Lithuanian, Turkish and Azeri do), so `toLowerCase()` is the Vietnamese lower case
 * (dedupe.test.ts checks it letter by letter) — and several times faster than `toLocaleLowerCase("vi")`.
 */
export function organizationKey(organization: string | null | undefined): string {
  if (!organization) return "";
  return organization.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
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
  return nameOrgKeyOf(nameSearchOf(p.fullName), p.organization);
}

/** nameOrgKey from a name already folded (people.name_search, PersonValues.nameSearch). */
export function nameOrgKeyOf(nameSearch: string, organization: string | null): string {
  return `${nameSearch}|${organizationKey(organization)}`;
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
  return matchPersonByKeys(
    { email: emailKey(record.email), nameOrg: nameOrgKey(record) },
    candidates.map((c) => ({ candidate: c, email: emailKey(c.email), nameOrg: nameOrgKey(c) })),
  );
}

/** A record's or a candidate's keys, computed once (emailKey, nameOrgKey). */
export interface DedupeKeys {
  email: string | null;
  nameOrg: string;
}

/** matchPerson with the keys computed already: a batch computes each record's and each candidate's keys once. */
export function matchPersonByKeys<C>(record: DedupeKeys, candidates: readonly (DedupeKeys & { candidate: C })[]): C | null {
  if (record.email) {
    const byEmail = candidates.find((c) => c.email === record.email);
    if (byEmail) return byEmail.candidate;
  }
  const sameNameOrg = candidates.filter((c) => c.nameOrg === record.nameOrg);
  if (record.email) return sameNameOrg.find((c) => c.email === null)?.candidate ?? null;
  // No email: prefer an entry that has none either, else the (oldest) one that does.
  return (sameNameOrg.find((c) => c.email === null) ?? sameNameOrg[0])?.candidate ?? null;
}

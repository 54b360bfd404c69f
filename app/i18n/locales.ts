/** The interface languages, Vietnamese first (also the database enum `locale`: db/schema/accounts.ts). */
export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];

import { catalog, type MessageKey } from "./catalog";

import { locales, type Locale } from "./locales";

export { locales, type Locale };
export const defaultLocale: Locale = "vi";
export type { MessageKey };

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalog.vi, value);
}

export type TranslateParams = Record<string, string | number>;

/** Translates a key; {name} placeholders are filled from params. */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = catalog[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Translates an error message that may be a key (from our zod schemas) or, defensively, free text. */
export function translateError(locale: Locale, message: string | undefined): string {
  if (!message) return translate(locale, "errors.invalid");
  const [key = "", query] = message.split("?");
  if (!isMessageKey(key)) return translate(locale, "errors.invalid");
  const params = query ? Object.fromEntries(new URLSearchParams(query)) : undefined;
  return translate(locale, key, params);
}

/** Picks vi or en from an Accept-Language header; Vietnamese wins ties and the default. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return defaultLocale;
}

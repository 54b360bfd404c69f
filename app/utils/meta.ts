import type { MetaArgs } from "@remix-run/node";
import { defaultLocale, isLocale, translate, type MessageKey } from "~/i18n/i18n";

/** "<page> — Signet" in the visitor's language (the root loader decides it). */
export function pageTitle(matches: MetaArgs["matches"], key: MessageKey | null, fallback?: string) {
  const rootData: unknown = matches.find((m) => m.id === "root")?.data;
  const locale =
    rootData && typeof rootData === "object" && "locale" in rootData && isLocale(rootData.locale) ? rootData.locale : defaultLocale;
  const page = key ? translate(locale, key) : fallback;
  return [{ title: page ? `${page} — Signet` : "Signet" }];
}

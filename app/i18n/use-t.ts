import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import type { loader as rootLoader } from "~/root";
import { defaultLocale, translate, translateError, type Locale, type MessageKey, type TranslateParams } from "./i18n";

export function useLocale(): Locale {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.locale ?? defaultLocale;
}

export function useT() {
  const locale = useLocale();
  const t = useCallback((key: MessageKey, params?: TranslateParams) => translate(locale, key, params), [locale]);
  const tError = useCallback((message: string | undefined) => translateError(locale, message), [locale]);
  return { t, tError, locale };
}

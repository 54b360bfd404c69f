import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useRef } from "react";
import type { MessageKey } from "~/i18n/i18n";
import type { loader as rootLoader } from "~/root";

/**
 * The key of the flash notice this page was opened with (app/utils/notice.server.ts), kept while the person stays
 * on it: the root loader clears the notice at its next run (a revalidation, e.g. when the outbox's progress is
 * done), but the page still knows that it was reached by a send.
 */
export function useFlashKey(): MessageKey | null {
  const current = useRouteLoaderData<typeof rootLoader>("root")?.notice?.key ?? null;
  const location = useLocation();
  const kept = useRef<{ location: string; key: MessageKey } | null>(null);
  if (current) kept.current = { location: location.key, key: current };
  return kept.current?.location === location.key ? kept.current.key : null;
}

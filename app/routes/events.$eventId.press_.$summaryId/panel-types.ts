import type { useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import type { action, loader } from "./route";

/** What the side panels are given: the page's loader data, and the action's answer when it was theirs. */
export type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
export type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

/** A date and time in the event's zone, in the reader's language. */
export function useWhen(timeZone: string) {
  const { locale } = useT();
  return (d: Date | string) => formatDateTime(new Date(d), timeZone, locale);
}

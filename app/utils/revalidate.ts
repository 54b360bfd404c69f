import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * After a refusal that means the page is out of date — someone else changed it (409) or removed what was acted
 * on (404) — load the current state; other refusals leave the page, and what the user typed, as they are.
 */
export const revalidateWhenOutOfDate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || actionStatus === 404 ? true : defaultShouldRevalidate;

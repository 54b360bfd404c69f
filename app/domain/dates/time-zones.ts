import { isValidTimeZone } from "./phrasing";

// ICU still lists some zones under their old names; people know the current IANA names.
const CURRENT_NAMES: Record<string, string> = {
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
};

/** The zones offered in the event form: Vietnam's first, then every IANA zone the runtime knows, sorted. */
export function timeZoneOptions(supported: readonly string[] = Intl.supportedValuesOf("timeZone")): string[] {
  const names = new Set(supported.map((z) => CURRENT_NAMES[z] ?? z));
  names.add("UTC");
  const sorted = [...names].filter(isValidTimeZone).sort();
  return ["Asia/Ho_Chi_Minh", ...sorted.filter((z) => z !== "Asia/Ho_Chi_Minh")];
}

/**
 * The text with its first letter upper-cased the Vietnamese way ("đồng chí …" → "Đồng chí …"): for a name or an
 * address that opens a sentence or a line. The rest is left as written; "" stays "".
 */
export function capitalizeFirst(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase("vi") + text.slice(1) : text;
}

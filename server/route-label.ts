/**
 * The route of a request path for logs and metrics: ids, tokens and slugs replaced by placeholders, so a label
 * never carries personal data or a secret (a personal invitation link is a credential) and the number of
 * distinct labels stays bounded. Pure.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Paths whose parameter is not a UUID: the segment after the prefix is replaced whatever it looks like. */
const NAMED: [RegExp, string][] = [
  [/^\/i\/[^/]+/, "/i/:token"],
  [/^\/calendar\/[^/]+/, "/calendar/:token"],
  [/^\/reset-password\/[^/]+/, "/reset-password/:token"],
  [/^\/press\/[^/]+/, "/press/:slug"],
  [/^\/media\/photos\/[^/]+\/[^/]+/, "/media/photos/:id/:revision"],
];

export function routeLabel(path: string, status?: number): string {
  if (status === 404) return "(unmatched)";
  if (path.startsWith("/build/")) return "/build/*";
  let label = path.length > 1 ? path.replace(/\/+$/, "") : path;
  for (const [pattern, replacement] of NAMED) label = label.replace(pattern, replacement);
  const segments = label.split("/").map((segment) => {
    if (segment === "" || segment.startsWith(":")) return segment;
    if (UUID.test(segment)) return ":id";
    // A route's own words are lower-case kebab-case (with a file extension at most): anything else is a parameter.
    return /^[a-z][a-z0-9-]{0,39}(\.[a-z]{2,12})?$/.test(segment) ? segment : ":param";
  });
  return segments.join("/") || "/";
}

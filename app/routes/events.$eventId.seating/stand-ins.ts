import type { SeatingLoaderData } from "./route";

/**
 * Deputies are named as standing in for their principal everywhere on the page: "Bà A (thay ông B)"; companions by
 * who brings them: "Nguyễn Văn C — khách của ông B".
 */
export function withStandIns(
  data: SeatingLoaderData,
  phrase: (name: string) => string,
  companion: (c: { name: string; host: string }) => string,
): SeatingLoaderData {
  const suffix = (id: string, label: string) => {
    const c = data.companionOf[id];
    if (c) return companion(c);
    return data.standsInFor[id] ? `${label} (${phrase(data.standsInFor[id])})` : label;
  };
  const labels = Object.fromEntries(Object.entries(data.labels).map(([id, label]) => [id, suffix(id, label)]));
  const relabel = <P extends { invitationId: string; label: string }>(p: P): P => ({ ...p, label: suffix(p.invitationId, p.label) });
  return {
    ...data,
    labels,
    dignitaries: data.dignitaries.map(relabel),
    others: data.others.map(relabel),
    companionOptions: data.companionOptions.map(relabel),
  };
}

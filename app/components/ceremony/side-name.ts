import type { SideKind } from "~/domain/ceremony/types";

interface NamedSide {
  kind: SideKind;
  labelVi: string | null;
  labelEn: string | null;
  organization: { nameVi: string; nameEn: string | null } | null;
}

/** How the pages name a side: its delegation label, else its organization, else its kind. */
export function sideName(side: NamedSide, locale: string, kindLabel: (kind: SideKind) => string): string {
  if (locale === "en") return side.labelEn ?? side.organization?.nameEn ?? side.labelVi ?? side.organization?.nameVi ?? kindLabel(side.kind);
  return side.labelVi ?? side.organization?.nameVi ?? kindLabel(side.kind);
}

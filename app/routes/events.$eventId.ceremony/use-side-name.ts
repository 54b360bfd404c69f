import { sideName } from "~/components/ceremony/side-name";
import type { SideKind } from "~/domain/ceremony/types";
import { useT } from "~/i18n/use-t";

/** How the ceremony page names a side, in the reader's language (delegation label, organization, else its kind). */
export function useSideName() {
  const { t, locale } = useT();
  return (side: Parameters<typeof sideName>[0] & { kind: SideKind }) => sideName(side, locale, (k) => t(`ceremony.side.kind.${k}`));
}

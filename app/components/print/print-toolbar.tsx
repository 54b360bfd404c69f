import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { PageStyle } from "~/components/nonce";

/** On screen above a print view: Print (the browser's dialog), Back, and what else the view offers. */
export function PrintToolbar({ backHref, children }: { backHref: string; children?: ReactNode }) {
  const { t } = useT();
  return (
    <div className="print-toolbar">
      <button type="button" className="button" onClick={() => window.print()}>
        {t("protocol.print.print")}
      </button>
      <Link to={backHref} className="button secondary">
        ← {t("protocol.print.back")}
      </Link>
      {children}
      <p className="hint">{t("protocol.print.hint")}</p>
    </div>
  );
}

/** The page box for this view (print CSS cannot be scoped to a route any other way). */
export function PageSize({ size }: { size: string }) {
  return <PageStyle css={`@page { size: ${size}; }`} />;
}

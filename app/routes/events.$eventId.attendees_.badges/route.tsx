/**
 * /events/:id/attendees/badges — name badges for every attendee on A4 label sheets (?labels=8|10|6), each with the
 * signed door ticket's QR code, name, position, organization and a stripe in the role's colour;
 * ?invitation=<id> prints one badge again (a reprint at the door).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { eventBadges } from "~/services/check-in.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { PageSize, PrintToolbar } from "~/components/print/print-toolbar";
import printStyles from "~/components/print/print.css";
import badgeStyles from "./badges.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: printStyles },
  { rel: "stylesheet", href: badgeStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "badges.title");

/** Common A4 label sheets: labels per sheet → (Avery code, label size). */
export const LABEL_SHEETS = {
  "8": { code: "L7165", columns: 2, rows: 4 },
  "10": { code: "L7173", columns: 2, rows: 5 },
  "6": { code: "L7166", columns: 2, rows: 3 },
} as const;
type Sheet = keyof typeof LABEL_SHEETS;
const isSheet = (v: string | null): v is Sheet => v === "8" || v === "10" || v === "6";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const url = new URL(request.url);
  const labels = url.searchParams.get("labels");
  const one = url.searchParams.get("invitation");
  const sheet: Sheet = isSheet(labels) ? labels : "8";
  const badges = await eventBadges(context.db, access.event.id, one && isUuid(one) ? one.toLowerCase() : undefined);
  return { eventId: access.event.id, sheet, one: !!one, badges };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export default function BadgesPrint() {
  const { eventId, sheet, one, badges } = useLoaderData<typeof loader>();
  const { t } = useT();
  const layout = LABEL_SHEETS[sheet];
  return (
    <div className="print-root">
      <PageSize size="A4 portrait" />
      <PrintToolbar backHref={`/events/${eventId}/attendees`}>
        <nav className="badge-sheets" aria-label={t("badges.sheet")}>
          {(Object.keys(LABEL_SHEETS) as Sheet[]).map((s) => (
            <Link key={s} to={`?labels=${s}`} aria-current={s === sheet ? "true" : undefined}>
              {t("badges.sheetOption", { count: s, code: LABEL_SHEETS[s].code })}
            </Link>
          ))}
        </nav>
      </PrintToolbar>
      {badges.length === 0 ? <p className="card muted">{one ? t("errors.notFound.body") : t("badges.none")}</p> : null}
      {chunk(badges, layout.columns * layout.rows).map((page, i) => (
        <div className={`name-badge-sheet labels-${sheet}`} key={i} data-testid="badge-sheet">
          {page.map((b, j) => (
            <section
              className={`name-badge role-${b.role}${b.companionOf ? " name-badge-companion" : ""}`}
              key={`${b.invitationId}-${j}`}
              data-testid={b.companionOf ? "companion-badge" : "badge"}
              aria-label={b.name}
            >
              <div className="name-badge-text">
                <p className="name-badge-name">{b.name}</p>
                {b.positions.length ? <p className="name-badge-position">{b.positions.join(", ")}</p> : null}
                {b.organization ? <p className="name-badge-org">{b.organization}</p> : null}
                {b.companionOf ? <p className="name-badge-org">{t("companions.guestOf", { name: b.companionOf })}</p> : null}
                <p className="name-badge-role">{b.companionOf ? t("companions.badge") : t(`checkin.role.${b.role}` as MessageKey)}</p>
              </div>
              <img className="name-badge-qr" src={b.qr} alt={t("badges.qr")} />
            </section>
          ))}
        </div>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

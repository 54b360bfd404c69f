import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/use-t";
import { listRoles, listSides } from "~/models/ceremony.server";
import { loadPrecedence } from "~/services/dignitaries.server";
import { requireEventPermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { PageSize, PrintToolbar } from "../events.$eventId.dignitaries/print-toolbar";
import printStyles from "../events.$eventId.dignitaries/print.css";
import cardStyles from "./cards.css";
import { sideName } from "../events.$eventId.ceremony/side-name";
import { PageStyle } from "~/components/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: printStyles },
  { rel: "stylesheet", href: cardStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.print.cardsTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const [view, sides, roles] = await Promise.all([
    loadPrecedence(context.db, access.event.id),
    listSides(context.db, [access.event.id]),
    listRoles(context.db, access.event.id),
  ]);
  return {
    eventId: view.event.id,
    sides,
    cards: view.dignitaries.map((d) => ({
      id: d.id,
      text: d.address.short,
      sideId: d.sideId,
      // The ceremony roles in their order, each once ("Chủ trì · Ký").
      roles: [...new Set(roles.filter((r) => r.dignitaryId === d.id).map((r) => r.role.kind))].filter((k) => k !== "attendee"),
    })),
  };
}

/** Smaller type for longer names, so a card never overflows; long words still wrap (overflow-wrap). */
function cardSizeClass(text: string): string {
  const n = [...text].length;
  if (n <= 22) return "size-xl";
  if (n <= 30) return "size-l";
  if (n <= 42) return "size-m";
  if (n <= 80) return "size-s";
  if (n <= 140) return "size-xs";
  return "size-xxs";
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A4 portrait, two folded cards per sheet, in precedence order; the short form of address in large type. */
export default function PlaceCardsPrint() {
  const { eventId, cards, sides } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  /** Under the name: the delegation and the roles ("Ban Tuyên giáo Tỉnh ủy · Chủ trì · Ký"). */
  const detailOf = (card: (typeof cards)[number]) => {
    const side = sides.find((s) => s.id === card.sideId);
    const parts = [
      ...(side && side.kind !== "leaders" ? [sideName(side, locale, (k) => t(`ceremony.side.kind.${k}`))] : []),
      ...card.roles.map((k) => t(`ceremony.role.${k}`)),
    ];
    return parts.join(" · ");
  };
  return (
    <div className="print-root">
      <PageSize size="A4 portrait" />
      <PageStyle css="@page { margin: 0; }" />
      <PrintToolbar backHref={`/events/${eventId}/seating`}>
        <span className="muted">{t("protocol.print.foldHint")}</span>
      </PrintToolbar>
      {cards.length === 0 ? <p className="card muted">{t("protocol.print.noCards")}</p> : null}
      <div className="card-sheets">
        {chunk(cards, 2).map((pair, i) => (
          <div className="card-sheet" key={i} data-testid="card-sheet">
            {pair.map((card) => (
              <section className="place-card" key={card.id} data-testid="place-card" aria-label={card.text}>
                <div className="card-face back" aria-hidden="true">
                  <p className={`card-name ${cardSizeClass(card.text)}`}>{card.text}</p>
                  {detailOf(card) ? <p className="card-detail">{detailOf(card)}</p> : null}
                </div>
                <div className="card-face front">
                  <p className={`card-name ${cardSizeClass(card.text)}`} data-testid="card-name">
                    {card.text}
                  </p>
                  {detailOf(card) ? (
                    <p className="card-detail" data-testid="card-detail">
                      {detailOf(card)}
                    </p>
                  ) : null}
                </div>
                <span className="fold-hint" aria-hidden="true">
                  {t("protocol.print.foldHint")}
                </span>
              </section>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

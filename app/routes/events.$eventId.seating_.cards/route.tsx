import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { cardLanguage, companionCardEn, placeCardEn } from "~/domain/protocol/place-card";
import { parseHolderKey } from "~/domain/protocol/companion-seats";
import { translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { listRoles, listSides } from "~/models/ceremony.server";
import { listLetterInvitees } from "~/models/letters.server";
import { loadSeating } from "~/services/seating.server";
import { loadGlossary } from "~/services/glossary.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { PageSize, PrintToolbar } from "~/components/print/print-toolbar";
import printStyles from "~/components/print/print.css";
import cardStyles from "./cards.css";
import { sideName } from "~/components/ceremony/side-name";
import { PageStyle } from "~/components/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: printStyles },
  { rel: "stylesheet", href: cardStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.print.cardsTitle");

type CardsLang = "vi" | "en" | "auto";

/**
 * GET /events/:eventId/seating/cards?lang=vi|en — the place cards; without `lang` each card is in its guest's
 * language (English for a guest who reads English or a foreign delegation), translated with the glossary.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const q = new URL(request.url).searchParams.get("lang");
  const asked: CardsLang = q === "vi" || q === "en" ? q : "auto";
  const [seating, sides, roles, invitees, glossary] = await Promise.all([
    loadSeating(context.db, access.event.id),
    listSides(context.db, [access.event.id]),
    listRoles(context.db, access.event.id),
    listLetterInvitees(context.db, access.event.id),
    loadGlossary(context.db),
  ]);
  const view = seating.precedence;
  const languageOf = new Map(invitees.map((i) => [i.id, i.language]));
  const untranslated = new Set<string>();
  const cards = view.dignitaries.map((d) => {
    const side = sides.find((s) => s.id === d.sideId) ?? null;
    const lang = cardLanguage(asked, { language: languageOf.get(d.invitationId) ?? "vi" }, side);
    // The ceremony roles in their order, each once ("Chủ trì · Ký").
    const roleKinds = [...new Set(roles.filter((r) => r.dignitaryId === d.id).map((r) => r.role.kind))].filter((k) => k !== "attendee");
    const roleLabels = roleKinds.map((k) => translate(lang, `ceremony.role.${k}`));
    const named = side && side.kind !== "leaders" ? side : null;
    if (lang === "en") {
      const words = placeCardEn({ honorific: d.honorific, name: d.name, shortVi: d.address.short, language: "en" }, named, glossary);
      for (const term of words.untranslated) untranslated.add(term);
      return { id: d.id, lang, text: words.name, detail: [words.side, ...roleLabels].filter(Boolean).join(" · ") };
    }
    const sideVi = named ? sideName(named, "vi", (k) => translate("vi", `ceremony.side.kind.${k}`)) : null;
    return { id: d.id, lang, text: d.address.short, detail: [sideVi, ...roleLabels].filter(Boolean).join(" · ") };
  });
  // Each seated companion gets a card too, after the dignitaries', in plan order: their name over "Khách của ông B".
  const inviteeOf = new Map(invitees.map((i) => [i.id, i]));
  const sideOf = new Map(view.dignitaries.map((d) => [d.invitationId, sides.find((s) => s.id === d.sideId) ?? null]));
  const seatedCompanions = [...new Set(seating.tables.flatMap((t) => t.seats.map((s) => s.invitationId)).filter((k): k is string => !!k && !!seating.companionOf[k]))];
  for (const key of seatedCompanions) {
    const companion = seating.companionOf[key]!;
    const holder = parseHolderKey(key)!;
    const host = inviteeOf.get(holder.invitationId);
    const lang = cardLanguage(asked, { language: host?.language ?? "vi" }, sideOf.get(holder.invitationId) ?? null);
    if (lang === "en" && host) {
      const words = companionCardEn(companion.name, host, glossary);
      for (const term of words.untranslated) untranslated.add(term);
      cards.push({ id: key, lang, text: words.name, detail: translate("en", "companions.guestOf", { name: words.host }) });
    } else cards.push({ id: key, lang, text: companion.name, detail: translate("vi", "companions.guestOf", { name: companion.host }) });
  }
  return { eventId: view.event.id, asked, cards, untranslated: [...untranslated] };
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
  const { eventId, asked, cards, untranslated } = useLoaderData<typeof loader>();
  const { t } = useT();
  /** Under the name: the delegation and the roles ("Ban Tuyên giáo Tỉnh ủy · Chủ trì · Ký"), in the card's language. */
  const detailOf = (card: (typeof cards)[number]) => card.detail;
  const choice = (lang: CardsLang, label: string) =>
    asked === lang ? (
      <strong aria-current="true">{label}</strong>
    ) : (
      <Link to={lang === "auto" ? "?" : `?lang=${lang}`}>{label}</Link>
    );
  return (
    <div className="print-root">
      <PageSize size="A4 portrait" />
      <PageStyle css="@page { margin: 0; }" />
      <PrintToolbar backHref={`/events/${eventId}/seating`}>
        <span className="muted">{t("protocol.print.foldHint")}</span>
        <span className="card-langs">
          {choice("auto", t("protocol.print.cardsAuto"))} · {choice("vi", t("letter.vietnamese"))} · {choice("en", t("letter.english"))}
        </span>
      </PrintToolbar>
      {untranslated.length ? <p className="cards-note" data-testid="cards-untranslated">{t("letter.untranslated", { terms: untranslated.join("; ") })}</p> : null}
      {cards.length === 0 ? <p className="card muted">{t("protocol.print.noCards")}</p> : null}
      <div className="card-sheets">
        {chunk(cards, 2).map((pair, i) => (
          <div className="card-sheet" key={i} data-testid="card-sheet">
            {pair.map((card) => (
              <section className="place-card" key={card.id} data-testid="place-card" aria-label={card.text} lang={card.lang}>
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

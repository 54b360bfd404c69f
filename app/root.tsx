import type {
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { useNonce } from "~/components/nonce";
import { canGlobal } from "~/domain/access/permissions";
import { localeFromAcceptLanguage, translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { getUser } from "~/services/auth.server";
import { takeNotice } from "~/utils/notice.server";
import { readLocaleCookie } from "~/utils/session.server";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Signet" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const locale =
    user?.locale ??
    (await readLocaleCookie(request)) ??
    localeFromAcceptLanguage(request.headers.get("Accept-Language"));
  const { notice, clear } = await takeNotice(request, context);
  return data(
    {
      locale,
      user: user
        ? { id: user.id, name: user.name, email: user.email, role: user.role }
        : null,
      notice,
    },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

/**
 * A route may declare the language of its content (`handle.documentLang(data)`), e.g. a published English report
 * read by a visitor whose interface is Vietnamese; the innermost one wins, else the interface language.
 */
export interface DocumentLangHandle {
  documentLang?: (data: unknown) => string | undefined;
}

function useDocumentLang(): string | undefined {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const lang = (
      match.handle as DocumentLangHandle | undefined
    )?.documentLang?.(match.data);
    if (lang) return lang;
  }
  return undefined;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "vi";
  const documentLang = useDocumentLang() ?? locale;
  const nonce = useNonce();
  // Marks the page as interactive once React has hydrated it (passive effects run after the router's layout
  // effects), so a click is never taken by a bare anchor or lost: the e2e fixtures wait for it before acting.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={documentLang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {translate(locale, "nav.skip")}
        </a>
        <Header />
        <main id="main" className="container">
          <FlashNotice />
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, locale } = useT();
  const location = useLocation();
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✦
          </span>{" "}
          {t("app.name")}
        </Link>
        {user ? (
          <nav aria-label={t("app.name")} className="main-nav">
            <NavLink to="/events">{t("nav.events")}</NavLink>
            <NavLink to="/organizations">{t("nav.organizations")}</NavLink>
            {canGlobal(user, "user:manage") ? (
              <NavLink to="/admin/users">{t("nav.users")}</NavLink>
            ) : null}
            {canGlobal(user, "glossary:manage") ? (
              <NavLink to="/admin/glossary">{t("nav.glossary")}</NavLink>
            ) : null}
            {canGlobal(user, "audit:readAll") ? (
              <NavLink to="/admin/audit">{t("nav.audit")}</NavLink>
            ) : null}
            {canGlobal(user, "mailbox:read") ? (
              <NavLink to="/admin/mailbox">{t("mail.nav.mailbox")}</NavLink>
            ) : null}
            {canGlobal(user, "personalData:administer") ? (
              <NavLink to="/admin/people">{t("nav.personalData")}</NavLink>
            ) : null}
            {user.role === "admin" || user.role === "organizer" ? <NavLink to="/webhooks">{t("webhooks.tab")}</NavLink> : null}
          </nav>
        ) : null}
        <div className="header-tools">
          <Form method="post" action="/locale" className="inline-form">
            <input
              type="hidden"
              name="locale"
              value={locale === "vi" ? "en" : "vi"}
            />
            <input
              type="hidden"
              name="redirectTo"
              value={location.pathname + location.search}
            />
            <button
              type="submit"
              className="link-button"
              lang={locale === "vi" ? "en" : "vi"}
            >
              {t("nav.switchTo")}
            </button>
          </Form>
          {user ? (
            <>
              <Link to="/account" className="muted user-name header-link" title={t("account.nav")}>
                {user.name}
              </Link>
              <Link to="/account/calendar" className="header-link nowrap">
                {t("calendar.nav.myCalendar")}
              </Link>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** The notice the last redirect left (app/utils/notice.server.ts), above the page it led to. */
function FlashNotice() {
  const taken = useRouteLoaderData<typeof loader>("root")?.notice ?? null;
  const location = useLocation();
  const { t } = useT();
  // The root loader takes the notice once; when the page reloads its data (a poll, a fetcher) the notice stays until
  // the person goes to another address.
  const kept = useRef<{ at: string; notice: NonNullable<typeof taken> } | null>(null);
  if (taken) kept.current = { at: location.key, notice: taken };
  const notice = taken ?? (kept.current?.at === location.key ? kept.current.notice : null);
  if (!notice) return null;
  return (
    <Notice tone={notice.tone} data-testid="flash-notice">
      {t(notice.key, notice.params)}
    </Notice>
  );
}

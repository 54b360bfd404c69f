import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { TeamAccessHint } from "./team-access-hint";

type TeamManagers = Parameters<typeof TeamAccessHint>[0]["managers"];

/** The people a 403 names (see forbidden()), when the data has that shape. */
function teamManagersOf(data: unknown): TeamManagers | null {
  const list = (data as { teamManagers?: unknown } | null)?.teamManagers;
  if (!Array.isArray(list)) return null;
  return list.filter(
    (m): m is TeamManagers[number] =>
      typeof m?.name === "string" && typeof m?.email === "string" && (m?.as === "organizer" || m?.as === "admin"),
  );
}

/** The field a 422 "bad_text" refusal names (readForm in app/utils/form-data.server.ts), or null. */
function badTextField(data: unknown): string | null {
  const candidate = data as { code?: unknown; field?: unknown } | null;
  return candidate?.code === "bad_text" && typeof candidate.field === "string" ? candidate.field : null;
}

/** Turns 400/403/404/413/415/422/429 into a useful page and anything else into a calm one — never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  let title = t("errors.server.title");
  let body = t("errors.server.body");
  let status = 500;
  let teamManagers: TeamManagers | null = null;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 404) {
      title = t("errors.notFound.title");
      body = t("errors.notFound.body");
    } else if (error.status === 403) {
      title = t("errors.forbidden.title");
      body = t("errors.forbidden.body");
      teamManagers = teamManagersOf(error.data);
    } else if (error.status === 415) {
      title = t("errors.unsupportedForm.title");
      body = t("errors.unsupportedForm.body");
    } else if (error.status === 413) {
      title = t("errors.tooLarge.title");
      body = t("errors.tooLarge.body");
    } else if (error.status === 422 && badTextField(error.data) !== null) {
      title = t("errors.badTextTitle");
      body = t("errors.badTextIn", { field: badTextField(error.data) ?? "?" });
    } else if (error.status === 400 && (error.data as { code?: unknown } | null)?.code === "bad_form") {
      title = t("errors.badRequest.title");
      body = t("errors.badForm.body");
    } else if (error.status === 400 || error.status === 405 || error.status === 422) {
      title = t("errors.badRequest.title");
      body = t("errors.invalid");
    } else if (error.status === 429) {
      title = t("errors.tooMany.title");
    }
  } else if (typeof document !== "undefined") {
    console.error(error);
  }
  return (
    <div className="error-page" role="alert">
      <p className="error-code">{status}</p>
      <h1>{title}</h1>
      <p>{body}</p>
      {teamManagers ? <TeamAccessHint managers={teamManagers} /> : null}
      <p>
        <Link to="/">{t("errors.goHome")}</Link>
      </p>
    </div>
  );
}

/** GET /admin/people/:personId/export.json — everything Signet holds about one person (right of access), audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attempt } from "~/utils/action-kit.server";
import { attachmentHeader } from "~/utils/attachment";
import { exportPersonData } from "~/services/privacy.server";
import { isUuid, requireGlobalPermission } from "~/services/auth.server";
import { notFound, answerThrownData } from "~/utils/responses.server";

async function load({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireGlobalPermission(request, context, "personalData:administer");
  const personId = params.personId ?? "";
  if (!isUuid(personId)) throw notFound();
  const outcome = await attempt(() => exportPersonData(context.db, user, personId));
  if (!outcome.ok) throw outcome.status === 404 ? notFound() : outcome.error;
  const data = outcome.value;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentHeader({ stem: `signet-${data.person.fullName}`, extension: "json" }),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));

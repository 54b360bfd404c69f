/** GET /admin/people/:personId/export.json — everything Signet holds about one person (right of access), audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isServiceError } from "~/utils/errors";
import { exportPersonData } from "~/services/privacy.server";
import { isUuid, requireGlobalPermission } from "~/services/auth.server";
import { notFound, answerThrownData } from "~/utils/responses.server";

async function load({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireGlobalPermission(request, context, "personalData:administer");
  const personId = params.personId ?? "";
  if (!isUuid(personId)) throw notFound();
  try {
    const data = await exportPersonData(context.db, user, personId);
    const name = data.person.fullName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "person";
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="signet-${name}.json"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isServiceError(error) && error.code === "not_found") throw notFound();
    throw error;
  }
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));

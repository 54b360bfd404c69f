import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserLocale } from "~/models/users.server";
import { getUser } from "~/services/auth.server";
import { safeRedirect } from "~/utils/redirect";
import { localeCookie } from "~/utils/session.server";
import { parseForm } from "~/utils/action-kit.server";
import { localeActionSchema } from "./locale.schema";

export async function loader() {
  throw redirect("/");
}

/** Switches the interface language: stored on the account for staff, in a cookie for everyone. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, localeActionSchema);
  const back = safeRedirect(form.values.redirectTo, "/");
  if (!form.success) throw redirect(back);
  const { locale } = form.data;
  const user = await getUser(request, context);
  if (user) await setUserLocale(context.db, user.id, locale);
  throw redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

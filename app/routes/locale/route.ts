import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/i18n";
import { setUserLocale } from "~/models/users.server";
import { getUser } from "~/services/auth.server";
import { safeRedirect } from "~/utils/redirect";
import { localeCookie } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";

export async function loader() {
  throw redirect("/");
}

/** Switches the interface language: stored on the account for staff, in a cookie for everyone. */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const locale = formData.get("locale");
  const back = safeRedirect(formData.get("redirectTo"), "/");
  if (!isLocale(locale)) throw redirect(back);
  const user = await getUser(request, context);
  if (user) await setUserLocale(context.db, user.id, locale);
  throw redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

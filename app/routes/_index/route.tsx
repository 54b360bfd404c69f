import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { hasAccounts } from "~/services/accounts.server";
import { getUser } from "~/services/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/events");
  if (!(await hasAccounts(context.db))) throw redirect("/setup");
  throw redirect("/login");
}

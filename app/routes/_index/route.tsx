import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { countUsers } from "~/models/users.server";
import { getUser } from "~/services/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/events");
  if ((await countUsers(context.db)) === 0) throw redirect("/setup");
  throw redirect("/login");
}

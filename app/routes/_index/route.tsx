import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser, needsSetup } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/events");
  if (await needsSetup(context.db)) throw redirect("/setup");
  throw redirect("/login");
}

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/services/accounts.server";
import { readSessionId, sessionCookie } from "~/utils/session.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request, context);
  if (sessionId) await destroySession(context.db, sessionId);
  throw redirect("/login", {
    headers: { "Set-Cookie": await sessionCookie(context).serialize("", { maxAge: 0 }) },
  });
}

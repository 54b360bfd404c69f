import { data, type AppLoadContext } from "@remix-run/node";
import type { EventFormValues } from "~/domain/events/event.schema";
import { quickAddOrganization } from "~/services/organizations.server";

/**
 * "+ Add an organization" inside the event form (new and edit): the event is not saved, every value comes back as
 * it was, with the new organization (or the reason it was refused).
 */
export async function quickAddAnswer(context: AppLoadContext, actor: { id: string; name: string }, name: string, values: EventFormValues) {
  const added = await quickAddOrganization(context.db, actor, name);
  return data({ fieldErrors: null, formError: null, values, quickAdd: { ...added, name } }, { status: added.error ? 400 : 200 });
}

/**
 * The route-action kit (docs/conventions.md, "How a route reads"; decision 030). Every page action and every API
 * route reads the same way:
 *
 *   export async function action({ request, context, params }: ActionFunctionArgs) {
 *     const access = await requireEventPermission(request, context, params.eventId, "event:update");   // authorize
 *     const form = await parseForm(request, attendeeActionSchema);                                     // parse
 *     if (!form.success) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
 *     const outcome = await attempt(() => addAttendee(context.db, access.user, form.data));             // call
 *     if (!outcome.ok) return data({ formError: outcome.error.message, fieldErrors: outcome.error.fields, values: form.values }, { status: outcome.status });
 *     return redirectWithNotice(request, `/events/${id}/attendees`, { key: "attendees.added" });        // return
 *   }
 *
 * One table turns a ServiceError into an HTTP status, for pages and for the JSON API (app/utils/api.server.ts).
 */
import type { z } from "zod";
import { fieldErrors } from "~/domain/forms/fields";
import { isServiceError, type ServiceError, type ServiceErrorCode } from "./errors";
import { formDataToObject, readForm } from "./form-data.server";

/** The one ServiceError → HTTP status table (pages and API alike). */
export const serviceErrorStatus = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
} as const satisfies Record<ServiceErrorCode, number>;

export type ServiceErrorStatus = (typeof serviceErrorStatus)[ServiceErrorCode];

export function statusOf(error: ServiceError): ServiceErrorStatus {
  return serviceErrorStatus[error.code];
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ServiceError; status: ServiceErrorStatus };

/**
 * Runs a service call. A ServiceError (a failure the user can be told about) comes back as a value with its status;
 * anything else is a bug and is thrown on, to the error boundary and the log.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return { ok: false, error, status: statusOf(error) };
  }
}

export type ParsedForm<S extends z.ZodTypeAny> =
  | { success: true; data: z.output<S>; values: Record<string, unknown>; formData: FormData }
  | { success: false; fieldErrors: Record<string, string>; values: Record<string, unknown>; formData: FormData };

/**
 * Reads the request's form (readForm: size, media type and text checks, decision 024) and parses it with the form's
 * shared zod schema — for a page with several buttons, one discriminated union on `intent`. `values` is what the
 * person sent, to give back to the form so nothing they typed is lost.
 */
export async function parseForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  options: { arrayFields?: readonly string[]; formData?: FormData } = {},
): Promise<ParsedForm<S>> {
  const formData = options.formData ?? (await readForm(request));
  return parseFormData(formData, schema, options.arrayFields);
}

/** The same for a FormData already read (a multipart upload, or a form read once for several schemas). */
export function parseFormData<S extends z.ZodTypeAny>(formData: FormData, schema: S, arrayFields: readonly string[] = []): ParsedForm<S> {
  const values = formDataToObject(formData, arrayFields);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { success: true, data: parsed.data as z.output<S>, values, formData };
  return { success: false, fieldErrors: fieldErrors(parsed.error), values, formData };
}

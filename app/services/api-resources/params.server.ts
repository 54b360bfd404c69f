/** The API's id parameters, shared by the invitations and people resources. */
import { isUuid } from "~/services/auth.server";

/** The id of the URL when it is a UUID; otherwise `notFound()` is thrown (an id that cannot exist is not found). */
export function idParam(value: string | undefined, notFound: () => Response): string {
  if (!value || !isUuid(value)) throw notFound();
  return value;
}

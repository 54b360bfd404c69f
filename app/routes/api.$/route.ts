/** Any /api/* path no other route serves: a JSON 404 (never the HTML page), whatever the method. */
import { apiNotFound } from "~/utils/api.server";

export const loader = () => apiNotFound();
export const action = () => apiNotFound();

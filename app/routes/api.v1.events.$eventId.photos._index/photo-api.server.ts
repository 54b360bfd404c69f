/** The photo upload's refusals as the API's JSON errors (docs/api.md, "Photos"). */
import { translateError } from "~/i18n/i18n";
import { isPhotoRejected } from "~/services/photos-processing.server";
import { apiError } from "~/utils/api.server";

/** An upload refusal as the API's JSON error with its status (400/409/413/415/422); other errors rethrown. */
export function rejectionToApiError(error: unknown): Response {
  if (isPhotoRejected(error)) return apiError(error.status, translateError("en", error.message));
  throw error;
}

/** A failure the caller can explain to the user: mapped to 400/403/404/409/422, never a 500. */
export type ServiceErrorCode = "not_found" | "forbidden" | "conflict" | "invalid";

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    /** An i18n key (with optional "?param=value"). */
    message: string,
    /** Field errors as i18n keys, keyed by field path. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}

/**
 * FormData → a plain object for zod: single values as strings, the named fields as string arrays.
 * Files and unknown repeats are ignored (the first value wins).
 */
export function formDataToObject(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (arrayFields.includes(key)) {
      out[key] = formData.getAll(key).filter((v): v is string => typeof v === "string");
    } else {
      const value = formData.get(key);
      if (typeof value === "string") out[key] = value;
    }
  }
  for (const key of arrayFields) out[key] ??= [];
  return out;
}

/**
 * The version a form was loaded at (the stale-edit guard): a whole number from 1, digits only. Anything else —
 * missing, "abc", "1.5", "1e3", " 2" — is null, and the caller answers 400 instead of saving without the guard.
 */
export function versionField(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}

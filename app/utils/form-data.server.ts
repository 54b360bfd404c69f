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

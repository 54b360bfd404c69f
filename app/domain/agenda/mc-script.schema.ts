import { z } from "zod";

/** Client-safe: the MC script editor (browser) and its action. */
export const MC_SCRIPT_MAX = 100_000;

export const mcScriptFormSchema = z.object({
  text: z
    .string({ required_error: "errors.required" })
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "errors.required").max(MC_SCRIPT_MAX, `errors.tooLong?max=${MC_SCRIPT_MAX}`)),
});

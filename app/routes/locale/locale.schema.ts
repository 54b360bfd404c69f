import { z } from "zod";
import { locales } from "~/i18n/locales";

/** The language switch in the header (POST /locale): the language to use, and the page to go back to. */
export const localeActionSchema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

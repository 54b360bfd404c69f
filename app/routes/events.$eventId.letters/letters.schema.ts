import { z } from "zod";
import { letterSettingsSchema, type LetterSettingsValues } from "~/domain/letter/letter-settings.schema";



/** The letters page's one form (POST /events/:eventId/letters): the settings, with missing fields read as empty. Client-safe. */
export function letterSettingsValues(raw: Record<string, unknown>): LetterSettingsValues {
  const text = (name: keyof LetterSettingsValues) => {
    const value = raw[name];
    return typeof value === "string" ? value : "";
  };
  return {
    authority: text("authority") as LetterSettingsValues["authority"],
    onBehalfOf: text("onBehalfOf"),
    position: text("position"),
    signerName: text("signerName"),
    symbol: text("symbol"),
    place: text("place"),
    issuedOn: text("issuedOn"),
  };
}

export const lettersActionSchema = z.preprocess(
  (raw) => letterSettingsValues(typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {}),
  letterSettingsSchema,
);

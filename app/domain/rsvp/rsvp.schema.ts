import { z } from "zod";
import { optionalText } from "~/domain/forms/fields";

/** Client-safe: the answer form of /invitation (browser and action) and the service. The intent comes from the button pressed, checked apart. */
export const COMMENT_MAX = 1000;
export const rsvpFormSchema = z.object({ comment: optionalText(COMMENT_MAX) });

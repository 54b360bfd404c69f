import * as admin from "./messages/admin";
import * as auth from "./messages/auth";
import * as common from "./messages/common";
import * as events from "./messages/events";

const vi = { ...common.vi, ...auth.vi, ...events.vi, ...admin.vi };
export type MessageKey = keyof typeof vi;
const en: Record<MessageKey, string> = { ...common.en, ...auth.en, ...events.en, ...admin.en };

export const catalog: Record<"vi" | "en", Record<MessageKey, string>> = { vi, en };

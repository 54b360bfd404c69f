import * as account from "./messages/account";
import * as admin from "./messages/admin";
import * as agenda from "./messages/agenda";
import * as attendees from "./messages/attendees";
import * as audit from "./messages/audit";
import * as auth from "./messages/auth";
import * as calendar from "./messages/calendar";
import * as ceremony from "./messages/ceremony";
import * as ceremonyUi from "./messages/ceremony-ui";
import * as checkin from "./messages/checkin";
import * as door from "./messages/door";
import * as common from "./messages/common";
import * as events from "./messages/events";
import * as glossary from "./messages/glossary";
import * as mail from "./messages/mail";
import * as protocol from "./messages/protocol";
import * as rsvp from "./messages/rsvp";
import * as photos from "./messages/photos";
import * as press from "./messages/press";
import * as pressPublic from "./messages/press-public";
import * as integrations from "./messages/integrations";
import * as privacy from "./messages/privacy";
import * as letter from "./messages/letter";

const vi = { ...common.vi, ...auth.vi, ...events.vi, ...admin.vi, ...mail.vi, ...calendar.vi, ...rsvp.vi, ...checkin.vi, ...door.vi, ...attendees.vi, ...protocol.vi, ...agenda.vi, ...photos.vi, ...press.vi, ...pressPublic.vi, ...ceremony.vi, ...ceremonyUi.vi, ...audit.vi, ...account.vi, ...privacy.vi, ...integrations.vi, ...glossary.vi, ...letter.vi };
export type MessageKey = keyof typeof vi;
const en: Record<MessageKey, string> = { ...common.en, ...auth.en, ...events.en, ...admin.en, ...mail.en, ...calendar.en, ...rsvp.en, ...checkin.en, ...door.en, ...attendees.en, ...protocol.en, ...agenda.en, ...photos.en, ...press.en, ...pressPublic.en, ...ceremony.en, ...ceremonyUi.en, ...audit.en, ...account.en, ...privacy.en, ...integrations.en, ...glossary.en, ...letter.en };

export const catalog: Record<"vi" | "en", Record<MessageKey, string>> = { vi, en };

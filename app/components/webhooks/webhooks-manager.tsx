/**
 * The webhooks page's body (/webhooks: every endpoint the user may manage, grouped by event; an event's Manage
 * tab: that event's): the action's answer (a notice, or the new secret shown once), the registration form
 * (./webhook-form.tsx), and the endpoints (./endpoint-card.tsx) with their delivery log (./delivery-log.tsx).
 */
import { Link, useNavigation } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { SecretReveal } from "~/components/ui/secret-reveal";
import { useLatestAnswer } from "~/components/use-latest-answer";
import type { WebhookJson } from "~/domain/api/webhook-json";
import { formatDateTime } from "~/domain/dates/phrasing";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { EndpointCard } from "./endpoint-card";
import { WebhookForm } from "./webhook-form";

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export interface WebhookRow extends WebhookJson {
  ownerName: string;
  eventTitle: string | null;
  deliveries: {
    id: string;
    messageId: string;
    type: string;
    status: "queued" | "sending" | "delivered" | "failed";
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: string;
    log: { at: string; attempt: number; statusCode: number | null; error: string | null }[];
  }[];
}

export interface WebhooksActionData {
  notice: MessageKey | null;
  secret: { value: string; kind: "created" | "rotated"; until: string | null } | null;
  fieldErrors: Record<string, string> | null;
  error: string | null;
  values: { url: string; description: string; events: string[]; includePersonalData: boolean } | null;
}

export function WebhooksManager({
  endpoints,
  actionData,
  canCreate = true,
  grouped = false,
}: {
  endpoints: WebhookRow[];
  actionData: WebhooksActionData | undefined;
  /** Show the registration form (the overview shows it to administrators only: every-event endpoints). */
  canCreate?: boolean;
  /** The overview: every-event endpoints first, then each event's, under the event's title. */
  grouped?: boolean;
}) {
  const { t, tError, locale } = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { current, submitted } = useLatestAnswer(actionData);
  const when = (iso: string) => formatDateTime(new Date(iso), OFFICE_ZONE, locale);
  const groups = grouped ? groupByEvent(endpoints) : [{ eventId: null, eventTitle: null, endpoints }];
  return (
    <div data-testid="webhooks">
      {current?.notice ? <Notice tone="ok">{t(current.notice)}</Notice> : null}
      {current?.error && !Object.keys(current.fieldErrors ?? {}).length ? <Notice tone="error">{tError(current.error)}</Notice> : null}
      {current?.secret ? (
        <SecretReveal
          id="webhook-secret-value"
          testId="webhook-secret"
          label={t("webhooks.secret")}
          value={current.secret.value}
          message={current.secret.kind === "created" ? t("webhooks.created") : t("webhooks.rotated", { date: when(current.secret.until ?? new Date().toISOString()) })}
        />
      ) : null}
      {canCreate ? <WebhookForm values={actionData?.values} serverErrors={current?.fieldErrors} submitted={submitted} busy={busy} /> : null}
      {endpoints.length === 0 ? <p className="muted">{t("webhooks.none")}</p> : null}
      {groups.map((group) => (
        <div key={group.eventId ?? "every"} data-testid="webhook-group">
          {grouped ? (
            <h2 className="webhooks-group-title">
              {group.eventId ? <Link to={`/events/${group.eventId}/webhooks`}>{t("webhooks.forEvent", { title: group.eventTitle ?? "" })}</Link> : t("webhooks.allEvents")}
            </h2>
          ) : null}
          {group.endpoints.map((e) => (
            <EndpointCard key={e.id} endpoint={e} busy={busy} when={when} />
          ))}
        </div>
      ))}
    </div>
  );
}

function groupByEvent(endpoints: WebhookRow[]) {
  const groups: { eventId: string | null; eventTitle: string | null; endpoints: WebhookRow[] }[] = [];
  for (const e of endpoints) {
    let group = groups.find((g) => g.eventId === e.eventId);
    if (!group) groups.push((group = { eventId: e.eventId, eventTitle: e.eventTitle, endpoints: [] }));
    group.endpoints.push(e);
  }
  // Every-event endpoints first, then events by title.
  return groups.sort((a, b) => (a.eventId === null ? -1 : b.eventId === null ? 1 : (a.eventTitle ?? "").localeCompare(b.eventTitle ?? "", "vi")));
}

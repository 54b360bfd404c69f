/** /account/tokens: the user's tokens — scopes, event, last use, expiry — each with its revoke button. */
import { DataTable } from "~/components/ui/data-table";
import { PostButton } from "~/components/ui/post-button";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  eventId: string | null;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  expiresAt: string | Date | null;
  revokedAt: string | Date | null;
}

export function TokensTable({ tokens, events, busy }: { tokens: TokenRow[]; events: { id: string; title: string }[]; busy: boolean }) {
  const { t, locale } = useT();
  const when = (d: string | Date) => formatDateTime(new Date(d), OFFICE_ZONE, locale);
  const eventTitle = (id: string | null) => (id ? (events.find((e) => e.id === id)?.title ?? id) : t("tokens.anyEvent"));
  const now = Date.now();
  return (
    <DataTable testId="tokens" columns={[t("tokens.nameColumn"), t("tokens.scopes"), t("tokens.lastUsed"), t("tokens.expiresAt"), t("tokens.revoke")]}>
      {tokens.map((token) => {
        const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
        return (
          <tr key={token.id} data-testid="token-row">
            <td>
              <strong>{token.name}</strong>
              <div className="muted small-text">
                {eventTitle(token.eventId)} · {t("tokens.createdAt")} {when(token.createdAt)}
              </div>
            </td>
            <td>{token.scopes.map((s) => t(s === "read" ? "tokens.scope.read" : "tokens.scope.write")).join(", ")}</td>
            <td data-testid="token-last-used">{token.lastUsedAt ? when(token.lastUsedAt) : t("tokens.neverUsed")}</td>
            <td>{token.expiresAt ? (expired ? t("tokens.expired") : when(token.expiresAt)) : t("tokens.expires.never")}</td>
            <td>
              {token.revokedAt ? (
                <span className="muted">{t("tokens.revokedAt", { date: when(token.revokedAt) })}</span>
              ) : (
                <PostButton intent="revoke" fields={{ tokenId: token.id }} danger disabled={busy}>
                  {t("tokens.revoke")}
                </PostButton>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

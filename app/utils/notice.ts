import type { MessageKey, TranslateParams } from "~/i18n/i18n";

/** ok: something was done · warn: done, but look · error: not done · info: how things stand. */
export const noticeTones = ["ok", "warn", "error", "info"] as const;
export type NoticeTone = (typeof noticeTones)[number];

export function isNoticeTone(value: unknown): value is NoticeTone {
  return typeof value === "string" && (noticeTones as readonly string[]).includes(value);
}

/** What a redirect carries to the next page (app/utils/notice.server.ts); the component is app/components/ui/notice.tsx. */
export interface FlashNotice {
  tone: NoticeTone;
  key: MessageKey;
  params: TranslateParams;
}

import { forwardRef } from "react";
import type { HTMLAttributes, ReactNode, Ref } from "react";
import type { NoticeTone } from "~/utils/notice";

type NoticeRole = "status" | "alert" | "note" | "alertdialog" | "region";

export type NoticeProps = {
  tone?: NoticeTone;
  children: ReactNode;
  /** A block of its own (`div`), a sentence (`p`), or a titled part of the page (`section` with `role="region"`). */
  as?: "div" | "p" | "section";
  /** By default an error is an alert and the rest a status; a confirmation is an `alertdialog`, a titled warning a `region`. */
  role?: NoticeRole;
} & Omit<HTMLAttributes<HTMLElement>, "role">;

/**
 * The one way a page tells a person how something went (decision 030). An error is an alert (read out at once);
 * the other tones are a polite status. A notice after a redirect comes from the flash cookie and is shown by the
 * layout (root.tsx); a page shows its own <Notice> for an action's answer without a redirect. Any other attribute
 * (data-testid, aria-*, an extra className) passes through; the ref reaches the element (to move focus to it).
 */
export const Notice = forwardRef<HTMLElement, NoticeProps>(function Notice(
  { tone = "info", children, className, as: Tag = "div", role, ...rest },
  ref,
) {
  const props = {
    ...rest,
    role: role ?? (tone === "error" ? "alert" : "status"),
    className: ["notice", `notice-${tone}`, className].filter(Boolean).join(" "),
    children,
  };
  // The three tags take the same attributes; the ref is typed by the one rendered.
  if (Tag === "p") return <p ref={ref as Ref<HTMLParagraphElement>} {...props} />;
  if (Tag === "section") return <section ref={ref} {...props} />;
  return <div ref={ref as Ref<HTMLDivElement>} {...props} />;
});

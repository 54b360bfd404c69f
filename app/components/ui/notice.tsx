import type { HTMLAttributes, ReactNode } from "react";
import type { NoticeTone } from "~/utils/notice";

/**
 * The one way a page tells a person how something went (decision 030). An error is an alert (read out at once);
 * the other tones are a polite status. A notice after a redirect comes from the flash cookie and is shown by the
 * layout (root.tsx); a page shows its own <Notice> for an action's answer without a redirect.
 */
export function Notice({
  tone = "info",
  children,
  className,
  as: Tag = "div",
  ...rest
}: { tone?: NoticeTone; children: ReactNode; as?: "div" | "p" } & Omit<HTMLAttributes<HTMLElement>, "role"> & {
    role?: "status" | "alert" | "note";
  }) {
  const role = rest.role ?? (tone === "error" ? "alert" : "status");
  return (
    <Tag {...rest} role={role} className={["notice", `notice-${tone}`, className].filter(Boolean).join(" ")}>
      {children}
    </Tag>
  );
}

import type { ReactNode } from "react";

/**
 * The "are you sure?" panel a destructive or far-reaching button opens in place (delete an agenda item, withdraw
 * an invitation, erase a person, cancel an event…): a warning card, `role="alertdialog"` named by `label`, holding
 * the question and its two buttons. One look and one accessible role for every confirmation.
 */
export function ConfirmPanel({
  label,
  className,
  as: Tag = "div",
  children,
}: {
  label: string;
  className?: string;
  as?: "div" | "section";
  children: ReactNode;
}) {
  return (
    <Tag className={["card notice-warn", className].filter(Boolean).join(" ")} role="alertdialog" aria-label={label}>
      {children}
    </Tag>
  );
}

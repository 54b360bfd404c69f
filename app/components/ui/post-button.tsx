import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * One button in its own POST form, with the hidden fields that say what it acts on (revoke a token, redeliver a
 * webhook delivery). Works before JavaScript loads.
 */
export function PostButton({
  intent,
  fields,
  danger = false,
  disabled = false,
  children,
}: {
  intent: string;
  fields: Record<string, string>;
  danger?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={danger ? "button danger secondary" : "button secondary"} disabled={disabled}>
        {children}
      </button>
    </Form>
  );
}

import { Notice } from "./notice";

/**
 * A secret shown once, right after it was made (an API token, a webhook's signing secret): what happened, and the
 * value in a read-only box to copy. Used by /account/tokens and the webhooks pages.
 */
export function SecretReveal({ id, testId, message, label, value }: { id: string; testId: string; message: string; label: string; value: string }) {
  return (
    <section className="card" data-testid={testId}>
      <Notice tone="ok">{message}</Notice>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="text" readOnly value={value} className="mono full-width" />
      </div>
    </section>
  );
}

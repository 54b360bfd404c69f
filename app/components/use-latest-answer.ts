import { useState } from "react";

/**
 * The action's answer to the latest submission only: once the person submits again, the previous answer (a
 * "wrong password" message, a "sent" notice) is hidden until the new one arrives, so it never stands beside the
 * errors of the new attempt. Call `submitted()` when a submission starts.
 */
export function useLatestAnswer<T>(actionData: T): { current: T | undefined; submitted: () => void } {
  const [answered, setAnswered] = useState<T | undefined>(undefined);
  return { current: actionData !== answered ? actionData : undefined, submitted: () => setAnswered(actionData) };
}

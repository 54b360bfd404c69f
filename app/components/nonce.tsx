import { createContext, useContext } from "react";

/**
 * The request's Content-Security-Policy nonce. On the server app/entry.server.tsx provides it; in the browser it
 * is read once from a script the server rendered (the `nonce` property keeps it while the attribute is hidden),
 * so a <style> element React creates after a client-side navigation (the print pages' @page rules) carries it too.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

let documentNonce: string | undefined;

export function useNonce(): string {
  const fromServer = useContext(NonceContext);
  if (typeof document === "undefined") return fromServer;
  documentNonce ??= document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
  return documentNonce;
}

/** A <style> element the policy lets through: for rules no stylesheet can hold, such as a print page's @page. */
export function PageStyle({ css }: { css: string }) {
  return <style nonce={useNonce()}>{css}</style>;
}

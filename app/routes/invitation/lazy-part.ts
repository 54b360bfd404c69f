import { createElement, lazy, useEffect, type ComponentType } from "react";

/**
 * React.lazy for a part of the server-rendered invitee page (its forms, with react-hook-form and zod), so that the
 * page's first scripts leave them out (bench/README.md, "invitee (JS)"). Render it inside a <Suspense>.
 *
 * - In the browser the part's module loads when React first renders it: during hydration React keeps the server's
 *   HTML of the <Suspense> boundary until then, so the form is on screen meanwhile. A page that does not render
 *   the part (the answer window closed) never loads it.
 * - On the server the module is loaded with this one, and React.lazy then gets it synchronously: the streamed
 *   document never holds a fallback in its place — the part is in the HTML a browser without JavaScript gets.
 * - A form submitted in the short while between the page's hydration and its part's (the module still loading)
 *   would go out as a plain POST: it is held, and submitted again once every part has hydrated (holdEarlySubmits).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  if (typeof document === "undefined")
    void load().then((part) => {
      loaded = part;
    });
  let started = false;
  let mounted = false;
  const hydrated = (part: ComponentType<P>) =>
    function Hydrated(props: P) {
      useEffect(() => {
        if (mounted) return;
        mounted = true;
        partsMounted++;
        releaseHeldSubmit();
      }, []);
      return createElement(part, props);
    };
  return lazy(() => {
    if (!started && typeof document !== "undefined") {
      started = true;
      partsStarted++;
      holdEarlySubmits();
    }
    if (!loaded) return load().then((part) => ({ default: hydrated(part) }));
    const module = { default: hydrated(loaded) };
    // A thenable that calls back at once: React.lazy reads a module resolved inside then() without suspending.
    return { then: (resolve: (m: typeof module) => void) => resolve(module) } as unknown as Promise<typeof module>;
  });
}

let partsStarted = 0;
let partsMounted = 0;
let listening = false;
let held: { form: HTMLFormElement; submitter: HTMLElement | null } | null = null;

/** While a part React has begun to render is not hydrated yet, a submit is kept back (the last one wins). */
function holdEarlySubmits() {
  if (listening) return;
  listening = true;
  // On window, in the capture phase: before React's own listener on the document, which lets the browser post.
  window.addEventListener(
    "submit",
    (event) => {
      if (partsMounted >= partsStarted || !(event.target instanceof HTMLFormElement)) return;
      event.preventDefault();
      event.stopPropagation();
      held = { form: event.target, submitter: event.submitter instanceof HTMLElement ? event.submitter : null };
    },
    true,
  );
}

function releaseHeldSubmit() {
  if (partsMounted < partsStarted || !held) return;
  const { form, submitter } = held;
  held = null;
  // After this commit: the click goes through React's handlers (validation, then Remix's submission).
  setTimeout(() => {
    if (!form.isConnected) return;
    if (submitter) submitter.click();
    else form.requestSubmit();
  }, 0);
}

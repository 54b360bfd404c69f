import { lazy, type ComponentType } from "react";

/**
 * React.lazy for a part of the server-rendered invitee page (its forms, with react-hook-form and zod), so that the
 * page's first scripts leave them out (bench/README.md, "invitee (JS)"). Render it inside a <Suspense>.
 *
 * - In the browser the part's module loads when React first renders it: during hydration React keeps the server's
 *   HTML of the <Suspense> boundary until then, so the form is on screen meanwhile. A page that does not render
 *   the part (the answer window closed) never loads it.
 * - On the server the module is loaded with this one, and React.lazy then gets it synchronously: the streamed
 *   document never holds a fallback in its place — the part is in the HTML a browser without JavaScript gets.
 * - A form submitted before its part has hydrated (the module still loading) goes out as the plain POST it is in
 *   the HTML: the action answers it with the page, as it does for a browser without JavaScript (e2e/rsvp.spec.ts).
 *   Nothing is held back, so nothing can be stuck.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  if (typeof document === "undefined")
    void load().then((part) => {
      loaded = part;
    });
  return lazy(() => {
    if (!loaded) return load().then((part) => ({ default: part }));
    const module = { default: loaded };
    // A thenable that calls back at once: React.lazy reads a module resolved inside then() without suspending.
    return { then: (resolve: (m: typeof module) => void) => resolve(module) } as unknown as Promise<typeof module>;
  });
}

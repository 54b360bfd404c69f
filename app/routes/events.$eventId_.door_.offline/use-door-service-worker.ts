import { useEffect } from "react";

/** Registers the door's service worker and hands it the bundles this page loaded, so the page opens offline. */
export function useDoorServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const loadedAssets = () => [
      window.location.pathname,
      ...performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((url) => new URL(url).origin === window.location.origin && new URL(url).pathname.startsWith("/build/")),
    ];
    void (async () => {
      try {
        const registration = await navigator.serviceWorker.register("/door-sw.js", { scope: "/events/" });
        // The camera's QR decoder is loaded on demand: load it now, while online, so that it is cached too.
        await import("jsqr").catch(() => null);
        const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
        if (!cancelled) worker?.postMessage({ type: "cache", urls: loadedAssets() });
      } catch {
        // No service worker (private mode, old browser): the page still works while online.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
}


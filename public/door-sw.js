/*
 * Signet's door service worker (docs/decisions/022-offline-door.md). Registered by /events/:id/door/offline with the
 * scope /events/. It keeps exactly what the offline door needs and nothing else:
 *   - the door page's HTML (network first, the last copy when offline);
 *   - the fingerprinted bundles under /build/ (cache first: a file name never changes its content);
 *   - Remix's route-discovery answers (/__manifest?…), so the hydrated page finds its links offline.
 * The page tells the worker which bundles it loaded ({ type: "cache", urls }), because on the very first visit the
 * worker starts controlling the page only after those were fetched. The door list and the scan queue live in
 * IndexedDB (the page's business), never in this cache; API answers are not cached here.
 */
const CACHE = "signet-door-v1";
const DOOR_PAGE = /^\/events\/[0-9a-f-]{36}\/door\/offline$/;

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("signet-door-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await cache.put(key ?? request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(key ?? request, { ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (request.mode === "navigate" && DOOR_PAGE.test(url.pathname)) {
    // One copy per door, whatever the query string.
    event.respondWith(networkFirst(request, url.origin + url.pathname));
  } else if (url.pathname.startsWith("/build/")) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === "/__manifest") {
    event.respondWith(networkFirst(request));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const raw of data.urls) {
        const url = new URL(raw, self.location.origin);
        if (!sameOrigin(url)) continue;
        const isPage = DOOR_PAGE.test(url.pathname);
        if (!isPage && !url.pathname.startsWith("/build/")) continue;
        const key = isPage ? url.origin + url.pathname : url.href;
        if (!isPage && (await cache.match(key))) continue;
        try {
          const response = await fetch(key, { credentials: "same-origin" });
          if (response.ok && !response.redirected) await cache.put(key, response);
        } catch {
          // Offline right now: the next visit tries again.
        }
      }
      event.source?.postMessage({ type: "cached" });
    })(),
  );
});

/** Signing out on a shared phone: the page asks to forget everything. */
self.addEventListener("message", (event) => {
  if (event.data?.type === "forget") event.waitUntil(caches.delete(CACHE));
});

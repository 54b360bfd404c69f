import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

const id = "0b9c6a2e-3f1d-4c8a-9e7b-5a4d3c2b1a09";

describe("routeLabel", () => {
  it("replaces ids, tokens and slugs, keeps the route's own words", () => {
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/login")).toBe("/login");
    expect(routeLabel(`/events/${id}/check-in`)).toBe("/events/:id/check-in");
    expect(routeLabel(`/events/${id}/attendees/export.csv`)).toBe("/events/:id/attendees/export.csv");
    expect(routeLabel(`/api/v1/events/${id}/invitations/${id}/`)).toBe("/api/v1/events/:id/invitations/:id");
    expect(routeLabel(`/api/v1/press-summaries/${id}/versions/3`)).toBe("/api/v1/press-summaries/:id/versions/:param");
  });

  it("never keeps a personal link's token, a feed token or a press slug, whatever they look like", () => {
    expect(routeLabel("/i/abcdefghijklmnopqrstuv")).toBe("/i/:token");
    expect(routeLabel("/i/Zk3_x9/invite.ics")).toBe("/i/:token/invite.ics");
    expect(routeLabel("/calendar/lowercaseonly")).toBe("/calendar/:token");
    expect(routeLabel("/reset-password/abc")).toBe("/reset-password/:token");
    expect(routeLabel("/press/ky-ket-chuong-trinh")).toBe("/press/:slug");
    expect(routeLabel(`/media/photos/${id}/abcdefghijkl/web.jpg`)).toBe("/media/photos/:id/:revision/web.jpg");
    expect(routeLabel("/events/Nguy%E1%BB%85n")).toBe("/events/:param");
  });

  it("groups the bundles and every unknown path, so labels stay few", () => {
    expect(routeLabel("/build/_shared/chunk-ABC123.js")).toBe("/build/*");
    expect(routeLabel("/wp-admin/setup.php", 404)).toBe("(unmatched)");
  });
});

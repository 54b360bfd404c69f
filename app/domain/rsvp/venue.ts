/** How an invitee's page and calendar file name the place. Pure and browser-safe. */
export interface Venue {
  venueName: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
}

const clean = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

/** "Tầng 2, Hội trường A, Số 1 Lê Lợi" — room first, as written on Vietnamese invitations; "" when unknown. */
export function venueLine(venue: Venue): string {
  return [venue.venueRoom, venue.venueName, venue.venueAddress].map(clean).filter(Boolean).join(", ");
}

/**
 * A Google Maps search for the venue (the room is left out: maps know buildings, not halls), or null when
 * there is neither a name nor an address. https://developers.google.com/maps/documentation/urls/get-started
 */
export function mapSearchUrl(venue: Venue): string | null {
  const query = [venue.venueName, venue.venueAddress].map(clean).filter(Boolean).join(", ");
  if (!query) return null;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

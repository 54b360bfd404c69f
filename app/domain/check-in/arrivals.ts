/**
 * The arrivals board (docs/decisions/022-offline-door.md): who has arrived, the dignitaries in precedence order with
 * the principal guests marked, and the latest arrivals as the MC would announce them ("Đồng chí … đã đến"). Pure.
 */

/** The first places of precedence are the principal guests the board highlights. */
export const PRINCIPAL_PLACES = 3;

export interface BoardDignitaryInput {
  invitationId: string;
  place: number;
  /** The short form of address: "Đồng chí Nguyễn Hồng Chuyên". */
  address: string;
  positions: string[];
  organization: string | null;
}

export interface BoardGuestInput {
  invitationId: string;
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  role: string;
  withdrawn: boolean;
  checkedInAt: Date | null;
}

export interface BoardDignitary extends BoardDignitaryInput {
  principal: boolean;
  arrivedAt: string | null;
}

export interface BoardArrival {
  invitationId: string;
  /** How the MC names them: the dignitary's form of address, else honorific and name, capitalised. */
  address: string;
  positions: string[];
  organization: string | null;
  principal: boolean;
  arrivedAt: string;
}

export interface ArrivalsBoard {
  dignitaries: BoardDignitary[];
  /** Everyone else who has arrived, latest first. */
  others: BoardArrival[];
  /** The latest arrivals of anyone, latest first. */
  latest: BoardArrival[];
  arrived: number;
  invited: number;
  dignitariesIn: number;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

export function buildArrivalsBoard(dignitaries: readonly BoardDignitaryInput[], guests: readonly BoardGuestInput[], latestCount = 5): ArrivalsBoard {
  const standing = guests.filter((g) => !g.withdrawn);
  const byId = new Map(standing.map((g) => [g.invitationId, g]));
  const dignitaryIds = new Set(dignitaries.map((d) => d.invitationId));
  const board: BoardDignitary[] = [...dignitaries]
    .filter((d) => byId.has(d.invitationId))
    .sort((a, b) => a.place - b.place)
    .map((d) => ({ ...d, principal: d.place <= PRINCIPAL_PLACES, arrivedAt: byId.get(d.invitationId)?.checkedInAt?.toISOString() ?? null }));
  const arrivals: BoardArrival[] = [];
  for (const d of board) {
    if (d.arrivedAt) arrivals.push({ invitationId: d.invitationId, address: d.address, positions: d.positions, organization: d.organization, principal: d.principal, arrivedAt: d.arrivedAt });
  }
  const others: BoardArrival[] = [];
  for (const g of standing) {
    if (!g.checkedInAt || dignitaryIds.has(g.invitationId)) continue;
    others.push({
      invitationId: g.invitationId,
      address: capitalise([g.honorific, g.fullName].filter(Boolean).join(" ")),
      positions: g.positions,
      organization: g.organization,
      principal: false,
      arrivedAt: g.checkedInAt.toISOString(),
    });
  }
  const latestFirst = (a: BoardArrival, b: BoardArrival) => b.arrivedAt.localeCompare(a.arrivedAt) || a.invitationId.localeCompare(b.invitationId);
  others.sort(latestFirst);
  return {
    dignitaries: board,
    others,
    latest: [...arrivals, ...others].sort(latestFirst).slice(0, latestCount),
    arrived: standing.filter((g) => g.checkedInAt).length,
    invited: standing.length,
    dignitariesIn: board.filter((d) => d.arrivedAt).length,
  };
}

/**
 * A deputy sent "thay mặt" a principal: how lists and the seating chart name whom they stand in for. The deputy ranks by
 * their own position (precedence-list.ts, unchanged) and sits in the principal's delegation; this only names the link.
 * docs/decisions/028-delegates-and-companions.md.
 */

/** "Ông Trần Văn B" → "ông Trần Văn B": the principal as named inside a phrase ("Bà A (thay ông Trần Văn B)"). */
export function principalInPhrase(principal: { honorific: string | null; fullName: string }): string {
  const honorific = principal.honorific?.trim() ?? "";
  const name = principal.fullName.trim();
  if (!honorific) return name;
  // Ranks and titles written with capitals stay as they are ("PGS.TS.", "Thiếu tướng" lowered only at its first letter).
  const lowered = /^\p{Lu}{2,}/u.test(honorific) ? honorific : honorific.charAt(0).toLocaleLowerCase("vi") + honorific.slice(1);
  return `${lowered} ${name}`;
}

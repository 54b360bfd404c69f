/**
 * A short, stable fingerprint of a text (FNV-1a, 2 × 32 bits, 16 hex digits), for "the order as a person saw
 * it" versions: a save that carries an older fingerprint is a contradictory edit. Not for security. Pure and
 * synchronous, so it runs the same in the browser and on the server.
 */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}

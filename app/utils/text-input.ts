/**
 * The one rule for text that comes in (docs/decisions/015-text-input.md): it must be well-formed Unicode
 * without NUL. A NUL (PostgreSQL cannot store it), an unpaired UTF-16 surrogate (JSON's "\ud800"; the database
 * and the audit log refuse it) and bytes that are not UTF-8 are refused with a field error — never replaced,
 * never stripped. Client-safe: the shared zod primitives use it too.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacters(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/**
 * The dotted paths, in a parsed JSON value or a form's fields, whose key or text breaks the rule
 * ("title", "documents.0.aims"); empty when all is well.
 */
export function forbiddenCharacterPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === "string") {
    if (hasForbiddenCharacters(value)) out.push(path.join(".") || "_body");
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => forbiddenCharacterPaths(item, [...path, String(i)], out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (hasForbiddenCharacters(key)) out.push([...path, safeKey(key)].join("."));
      else forbiddenCharacterPaths(item, [...path, key], out);
    }
  }
  return out;
}

/** A key that breaks the rule, made printable for the error message. */
export function safeKey(key: string): string {
  return key.replaceAll("\u0000", "\\u0000").replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as UTF-8 text, or null when they are not UTF-8 (rather than U+FFFD in their place). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The percent-decoded text of one URL or form component, or null when its escapes or bytes are not UTF-8. */
export function decodeUrlComponent(component: string, plusIsSpace: boolean): string | null {
  if (!component.includes("%") && !(plusIsSpace && component.includes("+"))) return component;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < component.length; i++) {
    const c = component.charCodeAt(i);
    if (c === 0x25) {
      const hex = component.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (plusIsSpace && c === 0x2b) {
      bytes.push(0x20);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const codePoint = component.codePointAt(i) ?? c;
      const char = String.fromCodePoint(codePoint);
      bytes.push(...encoder.encode(char));
      i += char.length - 1;
    }
  }
  return decodeUtf8(new Uint8Array(bytes));
}

/**
 * Checks made before a request reaches Remix (server/index.ts, and the in-process harness of the tests):
 * an address whose percent-encoding is not valid UTF-8, or that decodes to a NUL character, is answered
 * 400 here, so no loader ever sees a replacement character or a 0x00 that PostgreSQL would refuse
 * (docs/decisions/024-bad-input.md).
 */

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/**
 * Whether a raw path or query ("/press/%00", "q=%E0%A4") decodes to well-formed text: every "%" starts two hex
 * digits, the bytes are valid UTF-8 (no lone surrogates, no overlong forms) and there is no NUL.
 */
export function isWellFormedUrlPart(raw: string, { plusIsSpace = false } = {}): boolean {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25) {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return false;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === 0x2b && plusIsSpace) bytes.push(0x20);
    else if (c < 0x80) bytes.push(c);
    else {
      // Raw non-ASCII (a client that did not encode): lone surrogates make the string itself ill-formed.
      const code = raw.codePointAt(i) ?? 0;
      if (code >= 0xd800 && code <= 0xdfff) return false;
      if (code > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(code)));
    }
  }
  let text: string;
  try {
    text = utf8.decode(new Uint8Array(bytes));
  } catch {
    return false;
  }
  return !text.includes("\u0000");
}

/** Whether a request target ("/events?q=x") is well formed in both its path and its query. */
export function isWellFormedTarget(target: string): boolean {
  const hash = target.indexOf("#");
  const withoutHash = hash >= 0 ? target.slice(0, hash) : target;
  const q = withoutHash.indexOf("?");
  const pathPart = q >= 0 ? withoutHash.slice(0, q) : withoutHash;
  const query = q >= 0 ? withoutHash.slice(q + 1) : "";
  return isWellFormedUrlPart(pathPart) && isWellFormedUrlPart(query, { plusIsSpace: true });
}

export const badAddressText =
  "400 — Địa chỉ không hợp lệ: mã hoá phần trăm sai, không phải UTF-8 hoặc có ký tự NUL. / " +
  "The address is not valid: bad percent-encoding, not UTF-8, or a NUL character.";

export const badAddressJson = {
  error: {
    code: "bad_request",
    message: "The address is not valid: bad percent-encoding, not UTF-8, or a NUL character.",
    fields: {},
  },
};

/** The 400 answer for a malformed address: JSON under /api/, plain bilingual text elsewhere. */
export function badAddressResponse(pathname: string): Response {
  if (pathname.startsWith("/api/"))
    return Response.json(badAddressJson, { status: 400, headers: { "Cache-Control": "no-store" } });
  return new Response(badAddressText, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** For a web Request (the harness): the refusal, or null to pass it on. */
export function guardRequest(request: Request): Response | null {
  const url = new URL(request.url);
  if (isWellFormedTarget(url.pathname + url.search)) return null;
  return badAddressResponse(url.pathname);
}

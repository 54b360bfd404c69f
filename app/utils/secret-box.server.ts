/**
 * Secrets the server must read back (TOTP seeds) are stored encrypted: AES-256-GCM with a key derived (HKDF-
 * SHA-256) from a server secret, and the row they belong to as additional data, so a value copied onto
 * another account does not decrypt. Format: "v1.<iv>.<tag>.<ciphertext>" (base64url). See
 * docs/decisions/014-accounts-security.md for where the key comes from.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface SecretBox {
  seal(plain: string, context: string): string;
  /** The plain text, or null when the value was not sealed with this key for this context. */
  open(sealed: string, context: string): string | null;
}

export function secretBox(serverSecret: string): SecretBox {
  if (serverSecret.length < 16) throw new Error("the secret-box key material must be at least 16 characters");
  const key = Buffer.from(hkdfSync("sha256", serverSecret, "signet", "signet secret-box v1", 32));
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}

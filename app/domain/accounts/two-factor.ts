/**
 * TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app expects) through
 * otplib, and the recovery codes that stand in for a lost phone. Pure: the caller supplies the time and keeps
 * the secret (encrypted) and the last accepted time step.
 */
import { randomBytes } from "node:crypto";
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed just as it changed. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), Base32 as the apps want it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address the QR code carries: "Signet:lan@example.org". */
export function totpUri(secret: string, accountEmail: string, issuer = "Signet"): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/** "JBSW Y3DP …": the secret in groups of four, for typing it into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** Digits only, spaces and dashes dropped ("123 456" → "123456"); null when it cannot be a 6-digit code. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Checks a code at `now`, accepting the step before and after. A step at or before `lastStep` (a code already
 * used) is refused, so a code seen over someone's shoulder cannot be replayed.
 */
export function checkTotp(secret: string, code: string, now: Date, lastStep: number | null): TotpCheck {
  const token = normalizeTotpCode(code);
  if (!token) return { valid: false };
  const result = verifySync({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // verifySync answers for TOTP and HOTP alike; only a TOTP match carries the time step.
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}

/** The code an authenticator app shows at `now` (tests, and nothing else, need this). */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2q-x9p4r" (50 bits each); shown once, stored hashed. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    let code = "";
    for (let i = 0; i < 10; i++) {
      if (i === 5) code += "-";
      code += RECOVERY_ALPHABET[(bytes[i] ?? 0) % RECOVERY_ALPHABET.length];
    }
    return code;
  });
}

/** A typed recovery code in its stored form: lower case, dash in place, spaces dropped; null when malformed. */
export function normalizeRecoveryCode(input: string): string | null {
  const plain = input.toLowerCase().replace(/[\s-]/g, "");
  if (!/^[a-z0-9]{10}$/.test(plain)) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new read id: 128 random bits, URL-safe base64 (22 characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** A new edit token: 256 random bits, URL-safe base64 (43 characters). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex. A token has 256 random bits, so a fast hash is enough (no salt needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` matches the stored hash, compared in constant time. */
export function tokenMatches(token: string | null | undefined, storedHash: string | null): boolean {
  if (!token || !storedHash) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

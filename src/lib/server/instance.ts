import { env } from '$env/dynamic/private';
import { contactFrom, type Contact } from './contact.ts';
import { officialConfig } from './official/config.ts';
import { OfficialProxy } from './official/proxy.ts';
import { RateLimiter } from './rate-limit.ts';
import { openRepository } from './store/index.ts';
import type { Repository } from './store/repository.ts';

let repo: Repository | null = null;

/** The server's one store, opened on first use (SQLite under DATA_DIR, or PostgreSQL with DATABASE_URL). */
export function repository(): Repository {
  repo ??= openRepository(env);
  return repo;
}

let limiter: RateLimiter | null = null;

/**
 * Writes per client: `SKRIVEGRENSE_PER_MINUTT` a minute (default 60) with bursts of the same
 * size. Reads are not limited.
 */
export function writeLimiter(): RateLimiter {
  const perMinute = Number(env.SKRIVEGRENSE_PER_MINUTT ?? 60) || 60;
  limiter ??= new RateLimiter(perMinute, perMinute);
  return limiter;
}

let contactSet: { contact: Contact | null } | null = null;

/** The fact sheets' contact as the operator set it (`KONTAKT_FIL`, `KONTAKT_*`), read once; problems are logged. */
export function contact(): Contact | null {
  if (!contactSet) {
    const r = contactFrom(env);
    for (const p of r.problems) console.warn(`kontakt: ${p.code} ${JSON.stringify(p.params)}`);
    contactSet = { contact: r.contact };
  }
  return contactSet.contact;
}

let proxy: OfficialProxy | null = null;

/** The official-maps proxy (`DIBK_WMS_URL`, `NIBIO_AR5_WMS_URL`, `SSB_API_URL`, `KARTBUFFER_DIR`, `OFFISIELLE_KART`), made on first use; configuration problems are logged. */
export function officialProxy(): OfficialProxy {
  if (!proxy) {
    const r = officialConfig(env);
    for (const p of r.problems) console.warn(`offisielle kart: ${p.code} ${JSON.stringify(p.params)}`);
    proxy = new OfficialProxy({ config: r.config });
  }
  return proxy;
}

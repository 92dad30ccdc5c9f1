/**
 * The disk cache of official maps and statistics (`KARTBUFFER_DIR`): one body file and one JSON
 * file of metadata (the upstream URL, its content type, when it was fetched and when it expires)
 * per request, named by the SHA-256 of the upstream URL. Written to a temporary file and renamed,
 * so a reader never sees half a file. An entry past its expiry is still there for when the
 * upstream cannot be reached.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CacheMeta {
  url: string;
  contentType: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
  /** ISO time after which the entry is stale (still served when the upstream is down). */
  expiresAt: string;
}

export interface CacheEntry {
  meta: CacheMeta;
  body: Uint8Array;
}

export class DiskCache {
  private dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  private file(url: string): string {
    return path.join(this.dir, createHash('sha256').update(url).digest('hex'));
  }

  /** The entry for an upstream URL, fresh or stale, or null. */
  async get(url: string): Promise<CacheEntry | null> {
    const f = this.file(url);
    try {
      const meta = JSON.parse(await readFile(`${f}.json`, 'utf8')) as CacheMeta;
      if (meta.url !== url) return null;
      return { meta, body: new Uint8Array(await readFile(`${f}.bin`)) };
    } catch {
      return null;
    }
  }

  /** Keeps an answer; a failure to write is not the request's problem (returns false). */
  async put(entry: CacheEntry): Promise<boolean> {
    const f = this.file(entry.meta.url);
    const tmp = `${f}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(`${tmp}.bin`, entry.body);
      await writeFile(`${tmp}.json`, JSON.stringify(entry.meta));
      await rename(`${tmp}.bin`, `${f}.bin`);
      await rename(`${tmp}.json`, `${f}.json`);
      return true;
    } catch {
      return false;
    }
  }
}

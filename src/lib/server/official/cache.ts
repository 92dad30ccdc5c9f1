/**
 * The disk cache of official maps and statistics (`KARTBUFFER_DIR`): one body file and one JSON
 * file of metadata (the upstream URL, its content type, when it was fetched and when it expires)
 * per request, named by the SHA-256 of the upstream URL. Written to a temporary file and renamed,
 * so a reader never sees half a file. An entry past its expiry is still there for when the
 * upstream cannot be reached. The folder is kept under a size (`maxBytes`): past it, the entries
 * written longest ago are removed until it is under 80 % of the size.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
  private maxBytes: number;
  /** Bytes in the folder as far as this process knows (null: not counted yet). */
  private bytes: number | null = null;
  private pruning: Promise<void> | null = null;

  constructor(dir: string, maxBytes = Number.POSITIVE_INFINITY) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** The entries in the folder, oldest written first, with their size in bytes (body and metadata). */
  private async entries(): Promise<{ base: string; bytes: number; at: number }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: { base: string; bytes: number; at: number }[] = [];
    for (const n of names) {
      if (!/^[0-9a-f]{64}\.bin$/.test(n)) continue;
      const base = path.join(this.dir, n.slice(0, -4));
      const [b, m] = await Promise.all([stat(`${base}.bin`).catch(() => null), stat(`${base}.json`).catch(() => null)]);
      if (b) out.push({ base, bytes: b.size + (m?.size ?? 0), at: b.mtimeMs });
    }
    return out.sort((a, b) => a.at - b.at);
  }

  /** Removes the oldest entries until the folder is under 80 % of its size. */
  private prune(): Promise<void> {
    this.pruning ??= (async () => {
      const all = await this.entries();
      let total = all.reduce((t, e) => t + e.bytes, 0);
      for (const e of all) {
        if (total <= this.maxBytes * 0.8) break;
        await unlink(`${e.base}.json`).catch(() => undefined);
        await unlink(`${e.base}.bin`).catch(() => undefined);
        total -= e.bytes;
      }
      this.bytes = total;
    })().finally(() => (this.pruning = null));
    return this.pruning;
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
      if (Number.isFinite(this.maxBytes)) {
        if (this.bytes === null) this.bytes = (await this.entries()).reduce((t, e) => t + e.bytes, 0);
        else this.bytes += entry.body.byteLength + JSON.stringify(entry.meta).length;
        if (this.bytes > this.maxBytes) await this.prune();
      }
      return true;
    } catch {
      return false;
    }
  }
}

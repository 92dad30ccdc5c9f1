// The load run behind `npm run load` and the kill test: concurrent writers saving versions of
// shared scenarios through the HTTP API, then a check that every acknowledged save is in the
// history and no version number repeats. Loopback only; bounded in writers, saves and retries.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultNorms } from '../src/lib/domain/norms.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  s.close();
  await once(s, 'close');
  return port;
}

/** The built app (`node build`) on 127.0.0.1:`port`, started and waited for. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'build')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`serveren stoppet: ${stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/delt/finnes-ikke-0000`);
      if (r.status === 404) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`serveren svarte ikke: ${stderr}`);
}

/** A small valid scenario payload, as the app saves it. */
function payload(n: number) {
  return {
    id: `last-${n}`,
    navn: `Lasttest ${n}`,
    norms: defaultNorms(),
    changes: [{ id: `c${n}`, enabled: true, type: 'rezone', areaId: 'n-tofte', to: n % 2 ? 'lnf' : 'bolig' }]
  };
}

/** One acknowledged save: which item, which version, and the unique author tag it carried. */
interface Ack {
  id: string;
  version: number;
  author: string;
}

/** Options of a load run. */
export interface LoadOptions {
  baseUrl: () => string;
  writers: number;
  saves: number;
  scenarios: number;
  /** Called once after this many saves were acknowledged (the kill test kills the server here). */
  midway?: { after: number; action: () => Promise<void> };
}

/** What a load run found. */
export interface LoadResult {
  acknowledged: number;
  stored: number;
  lost: number;
  repeatedVersions: number;
  conflicts: number;
  networkErrors: number;
  p95Ms: number;
  seconds: number;
  savesPerSecond: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `writers` concurrent writers making `saves` saves in all, spread over `scenarios` shared
 * scenarios. A save that gets 409 retries on top of the newest version (bounded); a network
 * error (server down) waits and retries. Only 200 answers count as acknowledged.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const items: { id: string; token: string; version: number }[] = [];
  for (let i = 0; i < o.scenarios; i++) {
    const r = await fetch(`${o.baseUrl()}/api/delt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'scenario', name: `Lasttest ${i}`, author: 'oppsett', payload: payload(i) })
    });
    if (r.status !== 201) throw new Error(`kunne ikke opprette scenario: ${r.status} ${await r.text()}`);
    const b = (await r.json()) as { id: string; editToken: string; version: number };
    items.push({ id: b.id, token: b.editToken, version: b.version });
  }
  const acks: Ack[] = [];
  const latencies: number[] = [];
  let next = 0;
  let conflicts = 0;
  let networkErrors = 0;
  let midwayDone = false;
  const t0 = performance.now();

  async function writer(w: number) {
    for (;;) {
      const n = next++;
      if (n >= o.saves) return;
      const item = items[n % items.length] as (typeof items)[number];
      const author = `w${w}-s${n}`;
      for (let attempt = 0; attempt < 200; attempt++) {
        const t = performance.now();
        let res: Response;
        try {
          res = await fetch(`${o.baseUrl()}/api/delt/${item.id}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` },
            body: JSON.stringify({ kind: 'scenario', name: `Lasttest ${n}`, author, baseVersion: item.version, payload: payload(n) })
          });
        } catch {
          networkErrors++;
          await sleep(50);
          continue;
        }
        latencies.push(performance.now() - t);
        const body = (await res.json().catch(() => null)) as { version?: number; head?: { version: number } } | null;
        if (res.status === 200 && body?.version) {
          acks.push({ id: item.id, version: body.version, author });
          item.version = Math.max(item.version, body.version);
          break;
        }
        if (res.status === 409 && body?.head) {
          conflicts++;
          item.version = Math.max(item.version, body.head.version);
          continue;
        }
        if (res.status === 429) {
          await sleep(200);
          continue;
        }
        throw new Error(`uventet svar ${res.status}: ${JSON.stringify(body)}`);
      }
      if (o.midway && !midwayDone && acks.length >= o.midway.after) {
        midwayDone = true;
        await o.midway.action();
      }
    }
  }
  await Promise.all(Array.from({ length: o.writers }, (_, w) => writer(w)));
  const seconds = (performance.now() - t0) / 1000;

  // Every acknowledged save must be in the history with its version and author; no version twice.
  let stored = 0;
  let repeatedVersions = 0;
  for (const item of items) {
    const r = await fetch(`${o.baseUrl()}/api/delt/${item.id}/historikk`);
    const h = (await r.json()) as { versions: { version: number; author: string }[] };
    const byVersion = new Map<number, string>();
    for (const v of h.versions) {
      if (byVersion.has(v.version)) repeatedVersions++;
      byVersion.set(v.version, v.author);
    }
    for (const a of acks.filter((x) => x.id === item.id)) if (byVersion.get(a.version) === a.author) stored++;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0;
  return {
    acknowledged: acks.length,
    stored,
    lost: acks.length - stored,
    repeatedVersions,
    conflicts,
    networkErrors,
    p95Ms: Math.round(p95),
    seconds,
    savesPerSecond: acks.length / seconds
  };
}

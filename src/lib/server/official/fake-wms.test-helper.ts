/**
 * A fake WMS 1.3.0 service on loopback for the tests (no test reaches the internet): GetMap and
 * GetLegendGraphic answer a small PNG, GetFeatureInfo a text naming the arealformål and plan at the
 * point, GetCapabilities a capabilities document. It counts requests, can be slowed, made to send
 * too much, or closed (offline).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 PNG: one opaque green pixel (0, 170, 0), made with zlib and checked by the browser test's pixels. */
export const PNG_1PX = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgWMXwHwADAgGqgB/6WgAAAABJRU5ErkJggg==', 'base64'));

export const CAPABILITIES = `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms">
  <Service><Name>WMS</Name><Title>Fake kommuneplaner</Title></Service>
  <Capability><Layer><Title>Kommuneplaner</Title>
    <Layer queryable="1"><Name>kp_arealformal</Name><Title>Arealformål</Title></Layer>
  </Layer></Capability>
</WMS_Capabilities>`;

export interface FakeWms {
  url: string;
  hits: string[];
  /** Delay before answering, ms. */
  delayMs: number;
  /** Answer with this many bytes of PNG-typed junk instead. */
  hugeBytes: number;
  close(): Promise<void>;
}

/** Starts the fake on loopback (`port` 0: any free port). */
export async function startFakeWms(port = 0): Promise<FakeWms> {
  const fake: FakeWms = { url: '', hits: [], delayMs: 0, hugeBytes: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    fake.hits.push(u.search);
    const q = new Map([...u.searchParams].map(([k, v]) => [k.toUpperCase(), v]));
    const reply = () => {
      if (fake.hugeBytes) {
        res.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(64 * 1024);
        let sent = 0;
        const more = () => {
          while (sent < fake.hugeBytes) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => undefined);
        more();
        return;
      }
      switch (q.get('REQUEST')) {
        case 'GetCapabilities':
          res.writeHead(200, { 'content-type': 'text/xml' }).end(CAPABILITIES);
          return;
        case 'GetMap':
        case 'GetLegendGraphic':
          res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1PX);
          return;
        case 'GetFeatureInfo':
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`Layer 'kp_arealformal'\n  Feature 1:\n    arealformal = '1300'\n    planidentifikasjon = '2020-007'\n`);
          return;
        default:
          res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      }
    };
    if (fake.delayMs) setTimeout(reply, fake.delayMs);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wms?map=kp`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CrsCode } from '../geo/crs.ts';
import { ringAreaSigned } from '../geo/area.ts';
import { isValidUtf8 } from './text.ts';

/** A feature the reader could not use, and why (Norwegian), with the SOSI line it starts on. */
export interface SosiSkipped {
  id: string;
  line: number;
  reason: string;
}

/** What a SOSI file gave: polygons (.FLATE) with their attributes, in the file's CRS ([E, N]). */
export interface SosiResult {
  crs: CrsCode | null;
  /** The SOSI KOORDSYS code as written (22 = EUREF89 UTM 32, 23 = UTM 33). */
  koordsys: number | null;
  encoding: 'utf-8' | 'iso-8859-1';
  features: FeatureCollection<Polygon | MultiPolygon>;
  skipped: SosiSkipped[];
  /** False when the file ends without .SLUTT (it may have been cut short). */
  complete: boolean;
}

/** A SOSI problem that stops the whole file (not a SOSI file, no header). */
export interface SosiError {
  reason: 'not-sosi' | 'no-header';
  message: string;
}

const KOORDSYS: Record<number, CrsCode> = { 22: 'EPSG:25832', 23: 'EPSG:25833' };


/**
 * Decodes SOSI bytes. The declared ..TEGNSETT is not trusted blindly: bytes that are valid UTF-8
 * (with or without BOM) and contain non-ASCII are read as UTF-8 whatever the label says; other
 * files as ISO 8859-1 (which has Æ, Ø and Å at the same code points as ISO 8859-10 and ANSI).
 */
export function decodeSosi(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'iso-8859-1' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (hasBom || (body.some((b) => b > 0x7f) && isValidUtf8(body))) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  return { text: new TextDecoder('iso-8859-1').decode(body), encoding: 'iso-8859-1' };
}

interface Group {
  kind: string;
  id: string;
  line: number;
  attrs: Map<string, string>;
  coords: number[];
  /** Values of ..REF, as written. */
  refs: string;
}

/** Removes a `!` comment that is not inside double quotes. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === '!' && !quoted) return line.slice(0, i);
  }
  return line;
}

function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/**
 * Parses the SOSI text format (versions 4.0–5.0) into polygons: .FLATE features built from the
 * .KURVE (and .LINJE) they reference with ..REF (a minus sign reverses a curve, parentheses hold
 * a hole), with their attributes (AREALFORMÅL, AREALBRUKSSTATUS, OMRÅDENAVN, ARTYPE/AREALTYPE, …)
 * as read. Coordinates (..NØ, ..NØH; height dropped) are scaled by ..ENHET and shifted by
 * ..ORIGO-NØ, and returned as [E, N] in the CRS of ..KOORDSYS (22 → EPSG:25832, 23 →
 * EPSG:25833; others give crs null). Rings are closed and consecutive duplicate points removed;
 * a flate that cannot be built is skipped with its reason and line. Never throws.
 */
export function parseSosi(bytes: Uint8Array, options: { onProgress?: (fraction: number) => void } = {}): { ok: true; result: SosiResult } | { ok: false; error: SosiError } {
  const { text, encoding } = decodeSosi(bytes);
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => /^\s*\.HODE\b/.test(l))) {
    return { ok: false, error: { reason: lines.some((l) => /^\s*\.[A-ZÆØÅ]/.test(l)) ? 'no-header' : 'not-sosi', message: 'ikke en SOSI-fil (mangler .HODE).' } };
  }
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastKey: string | null = null;
  let complete = false;
  const every = 50_000;
  for (const [i, raw] of lines.entries()) {
    if (options.onProgress && i % every === 0) options.onProgress((0.9 * i) / lines.length);
    const line = stripComment(raw).trim();
    if (!line) continue;
    const head = /^(\.+)([^\s.][^\s]*)\s*(.*)$/.exec(line);
    if (!head) {
      // A continuation line: more values for the last attribute (coordinates, most often).
      if (current && lastKey) {
        if (lastKey === 'NØ' || lastKey === 'NØH') current.coords.push(...line.split(/\s+/).map(Number));
        else if (lastKey === 'REF') current.refs += ` ${line}`;
        else current.attrs.set(lastKey, `${current.attrs.get(lastKey) ?? ''} ${line}`.trim());
      }
      continue;
    }
    const dots = head[1]?.length ?? 0;
    const key = (head[2] ?? '').toUpperCase();
    const value = head[3] ?? '';
    if (dots === 1) {
      if (key === 'SLUTT') {
        complete = true;
        break;
      }
      current = { kind: key, id: value.replace(/:\s*$/, '').trim(), line: i + 1, attrs: new Map(), coords: [], refs: '' };
      groups.push(current);
      lastKey = null;
      continue;
    }
    if (!current) continue;
    lastKey = key;
    if (key === 'NØ' || key === 'NØH') {
      current.attrs.set('_dim', key === 'NØH' ? '3' : '2');
      if (value) current.coords.push(...value.split(/\s+/).map(Number));
    } else if (key === 'REF') current.refs += ` ${value}`;
    else current.attrs.set(dots === 2 ? key : `${[...current.attrs.keys()].pop() ?? ''}.${key}`, unquote(value));
  }

  const hode = groups.find((g) => g.kind === 'HODE');
  const headerValue = (k: string) => {
    for (const [key, v] of hode?.attrs ?? []) if (key === k || key.endsWith(`.${k}`)) return v;
    return undefined;
  };
  const koordsys = Number(headerValue('KOORDSYS'));
  const enhet = Number(headerValue('ENHET') ?? 1) || 1;
  const origo = (headerValue('ORIGO-NØ') ?? '0 0').split(/\s+/).map(Number);
  const [oN, oE] = [origo[0] ?? 0, origo[1] ?? 0];

  const toPositions = (g: Group): Position[] => {
    const dim = g.attrs.get('_dim') === '3' ? 3 : 2;
    const out: Position[] = [];
    for (let k = 0; k + 1 < g.coords.length; k += dim) {
      const n = (g.coords[k] as number) * enhet + oN;
      const e = (g.coords[k + 1] as number) * enhet + oE;
      out.push([e, n]);
    }
    return out;
  };
  const curves = new Map<string, Position[]>();
  for (const g of groups) if (g.kind === 'KURVE' || g.kind === 'LINJE' || g.kind === 'BUEP') curves.set(g.id, toPositions(g));

  const features: Feature<Polygon | MultiPolygon>[] = [];
  const skipped: SosiSkipped[] = [];
  for (const g of groups.filter((x) => x.kind === 'FLATE')) {
    const skip = (reason: string) => skipped.push({ id: g.id, line: g.line, reason });
    // Rings: tokens outside parentheses form the outer ring; each (…) is a hole.
    const ringsRefs: string[][] = [[]];
    let depth = 0;
    for (const token of g.refs.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').split(/\s+/).filter(Boolean)) {
      if (token === '(') {
        depth++;
        ringsRefs.push([]);
      } else if (token === ')') depth = Math.max(0, depth - 1);
      else (ringsRefs[depth === 0 ? 0 : ringsRefs.length - 1] as string[]).push(token);
    }
    const rings: Position[][] = [];
    let bad: string | null = null;
    for (const refs of ringsRefs) {
      if (!refs.length) continue;
      const ring: Position[] = [];
      for (const ref of refs) {
        const m = /^(-?):?(-?)(\d+)$/.exec(ref.replace(/^-:/, '-'));
        if (!m) {
          bad = `ugyldig referanse «${ref}»`;
          break;
        }
        const reversed = ref.startsWith('-');
        const curve = curves.get(m[3] as string);
        if (!curve) {
          bad = `refererer til kurve ${m[3]} som ikke finnes`;
          break;
        }
        const pts = reversed ? [...curve].reverse() : curve;
        for (const p of pts) {
          const last = ring[ring.length - 1];
          if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
        }
      }
      if (bad) break;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0] as number, first[1] as number]);
      if (ring.length < 4 || ringAreaSigned(ring) === 0) {
        bad = 'ringen har for få punkter eller null areal';
        break;
      }
      rings.push(ring);
    }
    if (bad) {
      skip(bad);
      continue;
    }
    if (!rings.length) {
      skip('flaten har ingen ..REF');
      continue;
    }
    const properties: Record<string, unknown> = { sosi_id: g.id };
    for (const [k, v] of g.attrs) if (!k.startsWith('_')) properties[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    features.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings } });
  }
  return {
    ok: true,
    result: {
      crs: KOORDSYS[koordsys] ?? null,
      koordsys: Number.isFinite(koordsys) ? koordsys : null,
      encoding,
      features: { type: 'FeatureCollection', features },
      skipped,
      complete
    }
  };
}

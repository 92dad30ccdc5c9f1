/**
 * The named layers of a WMS GetCapabilities document (names and titles as the service gives them),
 * read with the linear XML reader (no entities expanded, bounded depth and size), and the layers
 * the app shows for an official map: those whose name or title matches the wanted words, in the
 * order of the words, else the first named layer. Layer names are never hard-coded.
 */
import { readXmlOutline } from '../../io/formats/gml.ts';

export interface WmsLayer {
  name: string;
  title: string;
}

/** The named layers (a `Layer` with a `Name` child), in document order; [] for a document that is not capabilities. */
export function capabilityLayers(xml: string): WmsLayer[] {
  const o = readXmlOutline(xml, { maxDepth: 64, maxNodes: 200_000 });
  if (!o) return [];
  const out: WmsLayer[] = [];
  for (let e = 1; e < o.name.length; e++) {
    if (o.name[e] !== 'Layer') continue;
    let name = '';
    let title = '';
    for (let c = e + 1; c < (o.end[e] as number); c = o.end[c] as number) {
      if (o.name[c] === 'Name' && !name) name = (o.text[c] ?? '').trim();
      else if (o.name[c] === 'Title' && !title) title = (o.text[c] ?? '').trim();
    }
    if (name) out.push({ name: name.slice(0, 100), title: title.slice(0, 200) });
  }
  return out;
}

/** The layers to show: for each wanted pattern the first layer whose name or title matches it; none matching: the first named layer. */
export function pickLayers(layers: readonly WmsLayer[], wanted: readonly RegExp[]): WmsLayer[] {
  const picked: WmsLayer[] = [];
  for (const w of wanted) {
    const hit = layers.find((l) => (w.test(l.name) || w.test(l.title)) && !picked.includes(l));
    if (hit) picked.push(hit);
  }
  if (picked.length) return picked;
  return layers.slice(0, 1);
}

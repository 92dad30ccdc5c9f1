import { describe, expect, it } from 'vitest';
import { wmsUpstreamUrl } from '../server/official/wms.ts';
import { officialFeatureInfoUrl, officialLegendUrl, officialTileUrl, parseFeatureInfo } from './official.ts';

describe('official layers: the URLs the map asks the proxy for', () => {
  it('asks for web-Mercator tiles the proxy accepts, once MapLibre fills in the box', () => {
    const template = officialTileUrl('dibk', ['kp_arealformal', 'kp_hensyn']);
    expect(template.startsWith('/api/offisielt/dibk?')).toBe(true);
    expect(template.endsWith('&bbox={bbox-epsg-3857}')).toBe(true);
    const tile = new URL(template.replace('{bbox-epsg-3857}', '1150000,8350000,1160000,8360000'), 'http://app');
    const r = wmsUpstreamUrl(new URL('https://nap.ft.dibk.no/services/wms/kommuneplaner/'), tile.searchParams);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.url.searchParams.get('LAYERS')).toBe('kp_arealformal,kp_hensyn');
  });

  it('asks for a legend the proxy accepts', () => {
    const u = new URL(officialLegendUrl('nibio', 'Jordbruksareal'), 'http://app');
    expect(u.pathname).toBe('/api/offisielt/nibio');
    expect(wmsUpstreamUrl(new URL('https://wms.nibio.no/cgi-bin/ar5'), u.searchParams).ok).toBe(true);
  });
});

describe('official layers: what a click asks and shows', () => {
  it('asks for the pixel under the click in a small window the proxy accepts', () => {
    const u = new URL(officialFeatureInfoUrl('dibk', ['kp_arealformal'], [10.45, 59.8], 14), 'http://app');
    const r = wmsUpstreamUrl(new URL('https://nap.ft.dibk.no/services/wms/kommuneplaner/'), u.searchParams);
    expect(r.ok).toBe(true);
    const [x0, y0, x1, y1] = (u.searchParams.get('bbox') ?? '').split(',').map(Number);
    // 10.45° E in web Mercator, and a window of 101 px at zoom 14 (512 px tiles): about 485 m.
    expect(((x0 as number) + (x1 as number)) / 2).toBeCloseTo((6378137 * 10.45 * Math.PI) / 180, 0);
    expect((x1 as number) - (x0 as number)).toBeCloseTo((100 * 2 * Math.PI * 6378137) / (512 * 2 ** 14), 0);
    expect((y1 as number) - (y0 as number)).toBeCloseTo((x1 as number) - (x0 as number), 6);
    expect(u.searchParams.get('i')).toBe('50');
  });

  it('reads the facts of a text answer, the plan’s own first', () => {
    const text = "GetFeatureInfo results:\n\nLayer 'kp_arealformal'\n  Feature 1:\n    objid = '77'\n    arealformal = '1300'\n    planidentifikasjon = '2020-007'\n    note = ''\n";
    expect(parseFeatureInfo(text)).toEqual([
      { key: 'arealformal', value: '1300' },
      { key: 'planidentifikasjon', value: '2020-007' },
      { key: 'objid', value: '77' }
    ]);
    expect(parseFeatureInfo('no features')).toEqual([]);
  });
});

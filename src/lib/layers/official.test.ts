import { describe, expect, it } from 'vitest';
import { wmsUpstreamUrl } from '../server/official/wms.ts';
import { officialLegendUrl, officialTileUrl } from './official.ts';

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

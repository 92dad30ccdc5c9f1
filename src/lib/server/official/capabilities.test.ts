import { describe, expect, it } from 'vitest';
import { capabilityLayers, pickLayers } from './capabilities.ts';
import { CAPABILITIES } from './fake-wms.test-helper.ts';

describe('WMS capabilities: the layers the service names', () => {
  it('reads named layers with their titles (the group without a name is not one)', () => {
    expect(capabilityLayers(CAPABILITIES)).toEqual([{ name: 'kp_arealformal', title: 'Arealformål' }]);
  });

  it('picks layers by name or title, else the first; reads nothing from what is not capabilities', () => {
    const layers = [
      { name: 'Hensynssoner', title: 'Hensyn' },
      { name: 'Arealtype', title: 'AR5 arealtype' },
      { name: 'Jordbruksareal', title: 'Jordbruksareal' }
    ];
    expect(pickLayers(layers, [/jordbruk/i]).map((l) => l.name)).toEqual(['Jordbruksareal']);
    expect(pickLayers(layers, [/finnes ikke/]).map((l) => l.name)).toEqual(['Hensynssoner']);
    expect(capabilityLayers('<html><body>Service unavailable</body></html>')).toEqual([]);
    expect(capabilityLayers('')).toEqual([]);
  });

  it('stays linear and safe on hostile XML (no entity expansion, deep nesting refused)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><WMS_Capabilities><Capability><Layer><Name>&b;</Name></Layer></Capability></WMS_Capabilities>`;
    expect(capabilityLayers(bomb)).toEqual([{ name: '&b;', title: '' }]);
    expect(capabilityLayers('<Layer>'.repeat(100_000))).toEqual([]);
  });
});

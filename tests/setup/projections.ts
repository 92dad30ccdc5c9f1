// Unit tests call the readers' synchronous parts directly (SOSI in NGO1948, ED50 …): proj4 is
// registered for them, as the readers' async entry points do (geo/crs.ts ensureFullProjections).
import '../../src/lib/geo/crs-proj4.ts';

/**
 * Transverse Mercator on the GRS80 ellipsoid (UTM zones, EUREF89) and spherical web Mercator,
 * without proj4: the app's own figures are in EPSG:25832 and its maps in WGS84, so the map page
 * needs only these, and a few hundred lines of proj4 need not load before the map (issue #20).
 *
 * The UTM formulas are Krüger's series in n to the sixth order (as in Karney, «Transverse
 * Mercator with an accuracy of a few nanometers», J. Geodesy 85 (2011), eqs. 7–11, 35–36; the same
 * series as proj's default `tmerc`): sub-millimetre within a UTM zone and well beyond it.
 * EUREF89 (GRS80) and WGS84 are taken as the same datum, as the app's proj4 definitions do
 * (`+towgs84=0,0,0`); the two ellipsoids differ by 0.1 mm in the semi-minor axis.
 */

const A = 6378137;
const F = 1 / 298.257222101;
const N = F / (2 - F);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
const N5 = N4 * N;
const N6 = N5 * N;
/** Rectifying radius times the UTM scale factor. */
const K0 = 0.9996;
const RECT = (A / (1 + N)) * (1 + N2 / 4 + N4 / 64 + N6 / 256);
const E = (2 * Math.sqrt(N)) / (1 + N);

const ALPHA = [
  N / 2 - (2 * N2) / 3 + (5 * N3) / 16 + (41 * N4) / 180 - (127 * N5) / 288 + (7891 * N6) / 37800,
  (13 * N2) / 48 - (3 * N3) / 5 + (557 * N4) / 1440 + (281 * N5) / 630 - (1983433 * N6) / 1935360,
  (61 * N3) / 240 - (103 * N4) / 140 + (15061 * N5) / 26880 + (167603 * N6) / 181440,
  (49561 * N4) / 161280 - (179 * N5) / 168 + (6601661 * N6) / 7257600,
  (34729 * N5) / 80640 - (3418889 * N6) / 1995840,
  (212378941 * N6) / 319334400
];
const BETA = [
  N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360 - (81 * N5) / 512 + (96199 * N6) / 604800,
  N2 / 48 + N3 / 15 - (437 * N4) / 1440 + (46 * N5) / 105 - (1118711 * N6) / 3870720,
  (17 * N3) / 480 - (37 * N4) / 840 - (209 * N5) / 4480 + (5569 * N6) / 90720,
  (4397 * N4) / 161280 - (11 * N5) / 504 - (830251 * N6) / 7257600,
  (4583 * N5) / 161280 - (108847 * N6) / 3991680,
  (20648693 * N6) / 638668800
];
const DELTA = [
  2 * N - (2 * N2) / 3 - 2 * N3 + (116 * N4) / 45 + (26 * N5) / 45 - (2854 * N6) / 675,
  (7 * N2) / 3 - (8 * N3) / 5 - (227 * N4) / 45 + (2704 * N5) / 315 + (2323 * N6) / 945,
  (56 * N3) / 15 - (136 * N4) / 35 - (1262 * N5) / 105 + (73814 * N6) / 2835,
  (4279 * N4) / 630 - (332 * N5) / 35 - (399572 * N6) / 14175,
  (4174 * N5) / 315 - (144838 * N6) / 6237,
  (601676 * N6) / 22275
];

const RAD = Math.PI / 180;
const FALSE_EASTING = 500_000;

/** Central meridian of a UTM zone, radians. */
const lon0 = (zone: number) => (zone * 6 - 183) * RAD;

/**
 * Σ c_j · sin(2j·(ξ + iη)) for j = 1…6, as [real, imaginary]: Σ c_j sin(2jξ) cosh(2jη) and
 * Σ c_j cos(2jξ) sinh(2jη). sin(2jζ) comes from the recurrence sin((j+1)w) = 2 cos w · sin(jw) −
 * sin((j−1)w) with w = 2ζ, so four transcendental calls serve all six terms (not 24).
 */
function sinSeries(c: readonly number[], xi: number, eta: number): [number, number] {
  const sx = Math.sin(2 * xi);
  const cx = Math.cos(2 * xi);
  const shy = Math.sinh(2 * eta);
  const chy = Math.cosh(2 * eta);
  // 2 cos w, complex.
  const kr = 2 * cx * chy;
  const ki = -2 * sx * shy;
  let pr = 0; // sin((j−1)w)
  let pi = 0;
  let qr = sx * chy; // sin(jw)
  let qi = cx * shy;
  let sr = (c[0] as number) * qr;
  let si = (c[0] as number) * qi;
  for (let j = 1; j < 6; j++) {
    const nr = kr * qr - ki * qi - pr;
    const ni = kr * qi + ki * qr - pi;
    pr = qr;
    pi = qi;
    qr = nr;
    qi = ni;
    sr += (c[j] as number) * qr;
    si += (c[j] as number) * qi;
  }
  return [sr, si];
}

/** Longitude and latitude (degrees) to UTM easting and northing (metres) in `zone` (northern hemisphere). */
export function utmForward(lon: number, lat: number, zone: number): [number, number] {
  const phi = lat * RAD;
  const lam = lon * RAD - lon0(zone);
  const s = Math.sin(phi);
  const t = Math.sinh(Math.atanh(s) - E * Math.atanh(E * s));
  const xi0 = Math.atan2(t, Math.cos(lam));
  const eta0 = Math.atanh(Math.sin(lam) / Math.sqrt(1 + t * t));
  const [dx, de] = sinSeries(ALPHA, xi0, eta0);
  return [FALSE_EASTING + K0 * RECT * (eta0 + de), K0 * RECT * (xi0 + dx)];
}

/** UTM easting and northing (metres) in `zone` (northern hemisphere) to longitude and latitude (degrees). */
export function utmInverse(x: number, y: number, zone: number): [number, number] {
  const xi = y / (K0 * RECT);
  const eta = (x - FALSE_EASTING) / (K0 * RECT);
  const [dx, de] = sinSeries(BETA, xi, eta);
  const xi0 = xi - dx;
  const eta0 = eta - de;
  const chi = Math.asin(Math.sin(xi0) / Math.cosh(eta0));
  // φ = χ + Σ δ_j sin(2jχ), by the same recurrence (real).
  const s1 = Math.sin(2 * chi);
  const k = 2 * Math.cos(2 * chi);
  let p = 0;
  let q = s1;
  let phi = chi + (DELTA[0] as number) * q;
  for (let j = 1; j < 6; j++) {
    const n = k * q - p;
    p = q;
    q = n;
    phi += (DELTA[j] as number) * q;
  }
  const lam = Math.atan2(Math.sinh(eta0), Math.cos(xi0));
  return [(lon0(zone) + lam) / RAD, phi / RAD];
}

/** Web Mercator (EPSG:3857, spherical, radius 6 378 137 m) from longitude and latitude, degrees. */
export function mercatorForward(lon: number, lat: number): [number, number] {
  return [A * lon * RAD, A * Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2))];
}

/** Longitude and latitude (degrees) from web Mercator. */
export function mercatorInverse(x: number, y: number): [number, number] {
  return [x / A / RAD, (2 * Math.atan(Math.exp(y / A)) - Math.PI / 2) / RAD];
}

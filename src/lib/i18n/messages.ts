/**
 * The app's texts in bokmål and English, as one typed dictionary: `en` must have exactly the keys
 * of `nb` (the compiler refuses a missing key, and a unit test checks it at run time too).
 * Placeholders are written `{name}`.
 */
export const nb = {
  'investor.title': 'Invester i Asker – ledige næringstomter',
  'investor.intro': 'Ledige tomter for næring i Asker, med størrelse, hvor klare de er og hvor godt de ligger for kollektivtransport og hovedveg.',
  'investor.demo': 'Demodata – ikke offisielt plankart',
  'investor.language': 'Språk',
  'investor.filters': 'Filtrer tomtene',
  'investor.minSize': 'Minste størrelse (daa)',
  'investor.readiness': 'Klar til bygging',
  'investor.readiness.any': 'Alle',
  'investor.abc': 'ABC-klasse',
  'investor.abc.any': 'Alle',
  'investor.fitOnly': 'Bare tomter der kategorien passer beliggenheten',
  'investor.sort': 'Sorter etter',
  'investor.sort.size': 'Størrelse',
  'investor.sort.station': 'Avstand til stasjon',
  'investor.sort.name': 'Navn',
  'investor.count': '{n} tomter',
  'investor.none': 'Ingen tomter passer filtrene.',
  'investor.backToMap': 'Til planleggerkartet',
  'site.area': 'Areal',
  'site.areaValue': '{daa} daa ({m2} m²)',
  'site.zoning': 'Formål',
  'site.readiness': 'Status',
  'site.abc': 'ABC-klasse',
  'site.station': 'Nærmeste stasjon',
  'site.stationValue': '{name}, {distance} (luftlinje)',
  'site.road': 'Til E18/E134',
  'site.roadValue': '{distance} (luftlinje)',
  'site.jobs': 'Arbeidsplasser',
  'site.jobsValue': '{range} (gulvareal), {land} (tomteareal)',
  'site.category': 'Kategori',
  'site.show': 'Vis i kartet',
  'site.method': 'Arealer er planare i EPSG:25832. Avstander er luftlinje fra tomtas tyngdepunkt.',
  'zoning.1300': 'Næringsbebyggelse',
  'zoning.1160': 'Offentlig eller privat tjenesteyting',
  'status.1': 'nåværende',
  'status.2': 'framtidig',
  'readiness.byggeklar': 'Byggeklar',
  'readiness.regulert': 'Regulert',
  'readiness.maa-reguleres': 'Må reguleres',
  'readiness.rekkefolgekrav': 'Rekkefølgekrav',
  'category.kontor': 'Kontor',
  'category.handel/service': 'Handel/service',
  'category.lager/produksjon': 'Lager/produksjon/verksted',
  'category.offentlig': 'Offentlig tjenesteyting',
  'category.kombinert': 'Kombinert',
  'map.title': 'Kart over ledige næringstomter i Asker',
  'shortlist.title': 'Utvalg',
  'shortlist.add': 'Legg til i utvalget',
  'shortlist.remove': 'Fjern fra utvalget',
  'shortlist.full': 'Utvalget har plass til fire tomter.',
  'shortlist.empty': 'Velg to til fire tomter for å sammenligne dem og skrive ut faktaark.',
  'shortlist.compare': 'Sammenligning av tomtene i utvalget',
  'shortlist.fact': 'Fakta',
  'sheet.print': 'Skriv ut faktaark',
  'sheet.title': 'Faktaark',
  'sheet.contact': 'Kontakt',
  'sheet.link': 'Se tomta i kartet',
  'sheet.qr': 'QR-kode med lenke til tomta',
  'sheet.missing': 'Fant ingen av tomtene i lenken.',
  'site.share': 'Lenke til tomta',
  'present.start': 'Presentasjon',
  'present.stop': 'Avslutt presentasjon',
  'present.hint': 'Piltastene blar mellom tomtene i utvalget.'
} as const;

/** A message key. */
export type MessageKey = keyof typeof nb;

export const en: Record<MessageKey, string> = {
  'investor.title': 'Invest in Asker – available business sites',
  'investor.intro': 'Available business sites in Asker: their size, how ready they are, and how well they are served by public transport and main roads.',
  'investor.demo': 'Demo data – not the official zoning map',
  'investor.language': 'Language',
  'investor.filters': 'Filter the sites',
  'investor.minSize': 'Minimum size (daa)',
  'investor.readiness': 'Readiness',
  'investor.readiness.any': 'Any',
  'investor.abc': 'ABC class',
  'investor.abc.any': 'Any',
  'investor.fitOnly': 'Only sites where the use fits the location',
  'investor.sort': 'Sort by',
  'investor.sort.size': 'Size',
  'investor.sort.station': 'Distance to station',
  'investor.sort.name': 'Name',
  'investor.count': '{n} sites',
  'investor.none': 'No sites match the filters.',
  'investor.backToMap': 'To the planners’ map',
  'site.area': 'Area',
  'site.areaValue': '{daa} daa ({m2} m²)',
  'site.zoning': 'Zoning',
  'site.readiness': 'Readiness',
  'site.abc': 'ABC class',
  'site.station': 'Nearest station',
  'site.stationValue': '{name}, {distance} (straight line)',
  'site.road': 'To E18/E134',
  'site.roadValue': '{distance} (straight line)',
  'site.jobs': 'Jobs',
  'site.jobsValue': '{range} (floor space), {land} (land)',
  'site.category': 'Use',
  'site.show': 'Show on map',
  'site.method': 'Areas are planar in EPSG:25832 (1 daa = 1,000 m²). Distances are straight lines from the site’s centroid.',
  'zoning.1300': 'Business',
  'zoning.1160': 'Public or private services',
  'status.1': 'existing',
  'status.2': 'future',
  'readiness.byggeklar': 'Ready to build',
  'readiness.regulert': 'Zoned',
  'readiness.maa-reguleres': 'Needs zoning',
  'readiness.rekkefolgekrav': 'Infrastructure conditions',
  'category.kontor': 'Office',
  'category.handel/service': 'Retail/services',
  'category.lager/produksjon': 'Warehouse/production/workshop',
  'category.offentlig': 'Public services',
  'category.kombinert': 'Mixed',
  'map.title': 'Map of available business sites in Asker',
  'shortlist.title': 'Shortlist',
  'shortlist.add': 'Add to shortlist',
  'shortlist.remove': 'Remove from shortlist',
  'shortlist.full': 'The shortlist holds up to four sites.',
  'shortlist.empty': 'Pick two to four sites to compare them and print site sheets.',
  'shortlist.compare': 'Comparison of the shortlisted sites',
  'shortlist.fact': 'Fact',
  'sheet.print': 'Print site sheet',
  'sheet.title': 'Site sheet',
  'sheet.contact': 'Contact',
  'sheet.link': 'See the site on the map',
  'sheet.qr': 'QR code linking to the site',
  'sheet.missing': 'None of the sites in the link were found.',
  'site.share': 'Link to the site',
  'present.start': 'Presentation',
  'present.stop': 'End presentation',
  'present.hint': 'The arrow keys step through the shortlisted sites.'
};

/** The languages of the app. */
export type Lang = 'nb' | 'en';

const DICTS: Record<Lang, Record<MessageKey, string>> = { nb, en };

/** True for a supported language code. */
export function isLang(v: string | null | undefined): v is Lang {
  return v === 'nb' || v === 'en';
}

/** The text for a key in a language, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Formats a number in the language's convention (nb: 1 234,5; en: 1,234.5). */
export function num(lang: Lang, v: number, decimals = 0): string {
  return v.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Metres as «850 m» or «2.4 km» in the language's number format. */
export function dist(lang: Lang, m: number): string {
  return m < 1000 ? `${num(lang, Math.round(m / 10) * 10)} m` : `${num(lang, m / 1000, 1)} km`;
}

/** A range «a–b» in the language's number format, or one number when both ends round alike. */
export function numRange(lang: Lang, low: number, high: number, decimals = 0): string {
  const a = num(lang, low, decimals);
  const b = num(lang, high, decimals);
  return a === b ? a : `${a}–${b}`;
}

/**
 * The plan's own figures, as typed data, each with the document and section it comes from.
 *
 * Sources (Norwegian, in shared/seeds/ of the project):
 * - «Temaplan næring 2020–2032, høringsforslag» (Asker kommune), sections 3.1, 5.3, 5.9.2, 6.
 * - «Strategisk næringsplan – Rapportering 2015» (tidligere Asker kommune).
 *
 * Figures the plan does not give (e.g. net m² per job for warehouses, ABC distances) are kept
 * apart in {@link ANTAKELSER} and marked as assumptions, with the reasoning behind each default.
 * No other file in the project types any of these numbers: everything reads them from here.
 */

/** The documents the figures come from. */
export const DOKUMENTER = {
  temaplan: {
    tittel: 'Temaplan næring 2020–2032, høringsforslag (Asker kommune)',
    fil: 'temaplan-naering-2020-2032-horingsforslag.txt'
  },
  rapportering2015: {
    tittel: 'Strategisk næringsplan – Rapportering 2015 (Asker kommune)',
    fil: 'strategisk-naeringsplan-rapportering-2015.txt'
  }
} as const;

/** Which document a figure comes from. */
export type DokumentId = keyof typeof DOKUMENTER;

/** Where a figure comes from: document, section and the sentence that states it. */
export interface Kilde {
  dokument: DokumentId;
  avsnitt: string;
  sitat: string;
}

/** A figure stated in a plan document. */
export interface PlanTall<T = number> {
  verdi: T;
  enhet: string;
  kilde: Kilde;
}

/** A closed range of numbers (min ≤ max), e.g. 75–100 m² per job. */
export interface Spenn {
  min: number;
  max: number;
}

/** A default the plan does not give: ours, stated as an assumption with its reasoning. */
export interface Antakelse<T = number> {
  verdi: T;
  enhet: string;
  antakelse: true;
  begrunnelse: string;
  /** The plan text the assumption builds on, where there is one. */
  kilde?: Kilde;
}

const t592 = (sitat: string): Kilde => ({ dokument: 'temaplan', avsnitt: '5.9.2 Arealer og arealbestemmelser', sitat });
const t53 = (sitat: string): Kilde => ({ dokument: 'temaplan', avsnitt: '5.3 Landbruk (Jordbruk og skogbruk)', sitat });
const t6: Kilde = { dokument: 'temaplan', avsnitt: '6 Indikatorer', sitat: 'Indikatorer næring' };

/** Business land in Asker (2019 figures), incl. offentlig tjenesteyting. */
export const NAERINGSAREAL = {
  naavaerendeDaa: {
    verdi: 7425,
    enhet: 'daa',
    kilde: t592('Asker har 7425 dekar areal til bruk for næringsformål inklusive offentlig tjenesteyting.')
  },
  framtidigDaa: {
    verdi: 5720,
    enhet: 'daa',
    kilde: t592('I tillegg er 5720 dekar satt av til fremtidig bruk.')
  },
  andelAvKommunensAreal: {
    verdi: 'i underkant av 4 %',
    enhet: 'andel',
    kilde: t592('Dette utgjør i underkant av 4 % av Askers samlede areal.')
  }
} as const satisfies Record<string, PlanTall<number | string>>;

/** Land and floor space per workplace. */
export const ARBEIDSPLASS_AREAL = {
  bruttoTomtM2: {
    verdi: 420,
    enhet: 'm² brutto flateareal per arbeidsplass',
    kilde: t592('Hver arbeidsplass beslaglegger brutto 420 kvm flateareal.')
  },
  nettoKontorM2: {
    verdi: { min: 30, max: 30 },
    enhet: 'm² netto per arbeidsplass',
    kilde: t592('I netto gjennomsnitt bruker en kontorplass 30 kvm')
  },
  nettoHandelServiceM2: {
    verdi: { min: 75, max: 100 },
    enhet: 'm² netto per arbeidsplass',
    kilde: t592('mens handel/service bruker 75–100 kvm')
  }
} as const satisfies Record<string, PlanTall<number | Spenn>>;

/** Growth in jobs the kommuneplan makes room for. */
export const ARBEIDSPLASSVEKST = {
  nyeArbeidsplasser: {
    verdi: { min: 15000, max: 20000 },
    enhet: 'arbeidsplasser over 20 år',
    kilde: t592(
      'I Kommuneplan for Asker 2020–2032, Samfunnsdelen, legges det opp til næringsarealer (områder/steder) som gir muligheter for etablering av 15 000–20 000 nye arbeidsplasser i løpet av en 20-årsperiode.'
    )
  },
  periodeAar: {
    verdi: 20,
    enhet: 'år',
    kilde: t592('… 15 000–20 000 nye arbeidsplasser i løpet av en 20-årsperiode.')
  },
  perAar: {
    verdi: { min: 500, max: 550 },
    enhet: 'arbeidsplasser per år',
    kilde: t592('I arbeidet med scenarioer i forkant av kommuneplanarbeidet er det skissert 500–550 flere arbeidsplasser i gjennomsnitt hvert år.')
  },
  planStartAar: {
    verdi: 2020,
    enhet: 'år',
    kilde: { dokument: 'temaplan', avsnitt: 'Forside', sitat: 'TEMAPLAN NÆRING 2020 - 2032' }
  }
} as const satisfies Record<string, PlanTall<number | Spenn>>;

/** Where the jobs are and where the plan wants most growth. */
export const OMRADER = {
  kjerneomrader: {
    verdi: ['Asker sentrum', 'Hvalstad', 'Nesbru', 'Billingstad'],
    enhet: 'områder',
    kilde: t592(
      'Mesteparten av realveksten vil naturlig nok skje i Asker sentrum, Hvalstad, Nesbru og Billingstad, som allerede i dag har 60 % av alle arbeidsplassene i Asker.'
    )
  },
  kjerneomraderAndelArbeidsplasser: {
    verdi: 0.6,
    enhet: 'andel av arbeidsplassene',
    kilde: t592('… som allerede i dag har 60 % av alle arbeidsplassene i Asker.')
  },
  vekstomrader: {
    verdi: ['Slemmestad', 'Tofte', 'Heggedal', 'Dikemark'],
    enhet: 'områder',
    kilde: t592('Det legges opp til størst prosentvis økning i Slemmestad, på Tofte, i Heggedal og på Dikemark.')
  },
  arealkrevende: {
    verdi: ['E134', 'Tofte'],
    enhet: 'områder',
    kilde: t592(
      'Attraktive næringsarealer langs E18 samt arealkrevende virksomheter i Asker syd (hovedsakelig langs E134 og på Tofte) blir viktig …'
    )
  }
} as const satisfies Record<string, PlanTall<number | readonly string[]>>;

/** Farmland and forest (2019 figures). */
export const LANDBRUK = {
  jordDaa: {
    verdi: 42000,
    enhet: 'daa',
    kilde: t53('Jord- og skogbruksarealene i Asker utgjør 75 % av landarealene i kommunen med 42 000 dekar jord, 232 000 dekar skog …')
  },
  skogDaa: {
    verdi: 232000,
    enhet: 'daa',
    kilde: t53('… 42 000 dekar jord, 232 000 dekar skog …')
  }
} as const satisfies Record<string, PlanTall>;

/** One row of the §6 indicator table: results 2017–2019 and ambitions 2021–2024. */
export interface Indikator {
  id: string;
  tekst: string;
  kildeData: string;
  enhet: string;
  /** Results by year; null where the table gives a text («>50 %») rather than a number. */
  resultat: Record<2017 | 2018 | 2019, number>;
  ambisjon: Record<2021 | 2022 | 2023 | 2024, number | null>;
  /** The ambition as the table writes it, where it is not a single number. */
  ambisjonTekst?: string;
  /** Whether a lower value is better (ranks, omdisponert jord). */
  lavereErBedre: boolean;
  kilde: Kilde;
}

/** The §6 indicator table of the temaplan. */
export const INDIKATORER: readonly Indikator[] = [
  {
    id: 'nho-samlet',
    tekst: 'Være blant topp 10 på samlet plassering i NHOs Kommune-NM',
    kildeData: 'NHO',
    enhet: 'plass',
    resultat: { 2017: 12, 2018: 12, 2019: 13 },
    ambisjon: { 2021: 12, 2022: 12, 2023: 11, 2024: 10 },
    lavereErBedre: true,
    kilde: t6
  },
  {
    id: 'nho-viken',
    tekst: 'Være blant topp 3 i Viken på samlet plassering i NHOs Kommune-NM',
    kildeData: 'NHO',
    enhet: 'plass',
    resultat: { 2017: 5, 2018: 5, 2019: 5 },
    ambisjon: { 2021: 4, 2022: 3, 2023: 3, 2024: 3 },
    lavereErBedre: true,
    kilde: t6
  },
  {
    id: 'arbeidsplassvekst-mot-befolkningsvekst',
    tekst: 'Veksten i arbeidsplasser skal minst være lik 50 % av veksten i befolkningen',
    kildeData: 'SSB',
    enhet: '%',
    resultat: { 2017: 56, 2018: 168, 2019: 9 },
    ambisjon: { 2021: 50, 2022: 50, 2023: 50, 2024: 50 },
    ambisjonTekst: '>50 %',
    lavereErBedre: false,
    kilde: t6
  },
  {
    id: 'kortreiste',
    tekst: 'Andelen som er bosatt og sysselsatt i egen kommune skal øke fra år til år',
    kildeData: 'SSB',
    enhet: '%',
    resultat: { 2017: 41.9, 2018: 42.3, 2019: 41.4 },
    ambisjon: { 2021: 41.4, 2022: 42.0, 2023: 42.5, 2024: 43.0 },
    lavereErBedre: false,
    kilde: t6
  },
  {
    id: 'jordvern',
    tekst: 'Nasjonalt jordvernmål om begrensning i omdisponering skal opprettholdes også for Asker (dekar)',
    kildeData: 'SSB',
    enhet: 'daa',
    resultat: { 2017: 23, 2018: 260, 2019: 90 },
    ambisjon: { 2021: 15, 2022: 15, 2023: 15, 2024: 15 },
    lavereErBedre: true,
    kilde: t6
  }
];

/** The jordvern ambition: at most this much farmland omdisponert per year (from the §6 table). */
export const JORDVERN_DAA_PER_AAR: PlanTall = {
  verdi: 15,
  enhet: 'daa per år',
  kilde: { ...t6, sitat: 'Nasjonalt jordvernmål om begrensning i omdisponering skal opprettholdes også for Asker (dekar)' }
};

/** The business categories the app uses, with their labels. */
export const KATEGORIER = {
  kontor: 'Kontor',
  'handel/service': 'Handel/service',
  'lager/produksjon': 'Lager/produksjon/verksted',
  offentlig: 'Offentlig tjenesteyting',
  kombinert: 'Kombinert'
} as const;

/** One of the app's business categories. */
export type Kategori = keyof typeof KATEGORIER;

/** How ready a free site is. */
export const STATUS_TOMT = {
  byggeklar: 'Byggeklar',
  regulert: 'Regulert',
  'maa-reguleres': 'Må reguleres',
  rekkefolgekrav: 'Rekkefølgekrav'
} as const;

/** One of the readiness states of a free site. */
export type StatusTomt = keyof typeof STATUS_TOMT;

/** An ABC class: A = best public-transport access, C = car-based. */
export type AbcKlasse = 'A' | 'B' | 'C';

/** How well a category suits an ABC class. */
export type Egnethet = 'god' | 'akseptabel' | 'dårlig';

/**
 * Defaults that the plan does not give. Each is ours, stated as an assumption with its
 * reasoning; users can change them in the app («Forutsetninger»).
 */
export const ANTAKELSER = {
  nettoLagerProduksjonM2: {
    verdi: { min: 100, max: 250 },
    enhet: 'm² netto per arbeidsplass',
    antakelse: true,
    begrunnelse:
      'Planen sier bare at lager/produksjon/verksted har «enhetstall som er høyere enn» handel/service (75–100 m²). Vi bruker 100–250 m²: nedre grense lik handelens øvre, øvre grense som for ekstensiv lager- og logistikkdrift.',
    kilde: t592('… og lager/produksjon/verksted har enhetstall som er høyere enn dette.')
  },
  nettoOffentligM2: {
    verdi: { min: 40, max: 80 },
    enhet: 'm² netto per arbeidsplass',
    antakelse: true,
    begrunnelse:
      'Planens 7425 daa omfatter offentlig tjenesteyting, men planen gir ikke noe arealtall per arbeidsplass for den. Skoler, barnehager og helsebygg har mye areal for brukere per ansatt; vi bruker 40–80 m², mellom kontor og handel/service.'
  },
  nettoKombinertM2: {
    verdi: { min: 30, max: 100 },
    enhet: 'm² netto per arbeidsplass',
    antakelse: true,
    begrunnelse: 'Kombinert formål kan være alt fra kontor (30 m²) til handel/service (100 m²); spennet dekker begge.'
  },
  nettoBruttoFaktor: {
    verdi: 0.8,
    enhet: 'netto areal / BRA',
    antakelse: true,
    begrunnelse:
      'Planens arealtall per arbeidsplass er netto; utnyttelse (%BRA) gir bruksareal. Vi regner 80 % av BRA som nettoareal (resten er trapper, tekniske rom, vegger og fellesarealer).'
  },
  utnyttelseBraProsent: {
    verdi: { kontor: 150, 'handel/service': 80, 'lager/produksjon': 60, offentlig: 80, kombinert: 120 },
    enhet: '%BRA',
    antakelse: true,
    begrunnelse:
      'Brukes når et område ikke har oppgitt utnyttelse. Planen peker på fortetting «både horisontalt og i høyden»; tallene er moderate nivåer for hver kategori, ikke kommuneplanens bestemmelser.'
  },
  abcAvstandM: {
    verdi: { A: 500, B: 1000, vegC: 1500 },
    enhet: 'm (luftlinje)',
    antakelse: true,
    begrunnelse:
      'ABC-prinsippet (rett virksomhet på rett plass) er nevnt i planen uten avstander. A: inntil 500 m fra jernbanestasjon (gangavstand for mange ansatte og besøkende); B: inntil 1000 m; C: resten, bilbasert. God vegtilknytning for C: inntil 1500 m fra E18 eller E134.',
    kilde: t592('Det legges opp til å benytte ABC-prinsippet slik at rett virksomhet legges på rett plass.')
  },
  egnethet: {
    verdi: {
      kontor: { A: 'god', B: 'akseptabel', C: 'dårlig' },
      'handel/service': { A: 'god', B: 'god', C: 'akseptabel' },
      'lager/produksjon': { A: 'dårlig', B: 'akseptabel', C: 'god' },
      offentlig: { A: 'god', B: 'god', C: 'akseptabel' },
      kombinert: { A: 'god', B: 'god', C: 'dårlig' }
    },
    enhet: 'egnethet per kategori og ABC-klasse',
    antakelse: true,
    begrunnelse:
      'Arbeidsplass- og besøksintensive virksomheter (kontor) hører hjemme nær kollektivknutepunkt (A), arealkrevende og transportintensive (lager/produksjon) langs hovedveg (C). Lager i A bruker sentrumsareal dårlig; kontor i C gir bilavhengighet. Handel/service og lager i C er bare «akseptabel»/«god» med god vegtilknytning; ellers ett trinn ned.',
    kilde: t592('Det legges opp til å benytte ABC-prinsippet slik at rett virksomhet legges på rett plass.')
  },
  aarTilKlar: {
    verdi: { byggeklar: 0, regulert: 2, 'maa-reguleres': 5, rekkefolgekrav: 8 },
    enhet: 'år før tomta kan bygges ut',
    antakelse: true,
    begrunnelse:
      'Planen sier at «bare et fåtall aktuelle vekstområder er byggeklare nå», at flere må reguleres og at mange får rekkefølgekrav. Årstallene er grove anslag for regulering (ca. 3–5 år) og rekkefølgekrav på transportkapasitet (lengre).',
    kilde: t592('De fleste av disse områdene finnes i de eksisterende kommuneplaner, men bare et fåtall aktuelle vekstområder er byggeklare nå.')
  }
} as const satisfies Record<string, Antakelse<unknown>>;

/**
 * The widest values a user (or a shared scenario) may give the assumptions: outside these the
 * figures stop meaning anything (5e-324 m² per workplace gives infinitely many jobs). Ours, not
 * the plan's; each range holds the plan's own figures with a wide margin.
 */
export const NORM_GRENSER = {
  verdi: {
    m2PerArbeidsplass: { min: 1, max: 10_000 },
    nettoBruttoFaktor: { min: 0.05, max: 1 },
    utnyttelseBraProsent: { min: 1, max: 2000 },
    avstandM: { min: 1, max: 100_000 },
    arbeidsplasser: { min: 1, max: 10_000_000 },
    aar: { min: 0, max: 100 },
    jordvernDaaPerAar: { min: 0.1, max: 100_000 }
  },
  enhet: 'grenser for forutsetningene',
  antakelse: true,
  begrunnelse:
    'Planen bruker 30–420 m² per arbeidsplass, 20 år, 15 daa jordvern per år og noen hundre meter til kollektivknutepunkt. Grensene gir god plass rundt dette (1–10 000 m², 0–100 år, 1–100 000 m, høyst 2000 % BRA som ellers i appen), men stopper tall som gjør regnestykkene meningsløse, som null eller uendelig mange arbeidsplasser.'
} as const satisfies Antakelse<unknown>;

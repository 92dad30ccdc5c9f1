/** SOSI arealformål codes the dataset uses: 1300 næringsbebyggelse, 1160 offentlig eller privat tjenesteyting. */
export const AREALFORMAL = { 1300: 'Næringsbebyggelse', 1160: 'Offentlig eller privat tjenesteyting' } as const;

/** Arealbruksstatus codes: 1 nåværende, 2 framtidig. */
export const AREALBRUKSSTATUS = { 1: 'Nåværende', 2: 'Framtidig' } as const;

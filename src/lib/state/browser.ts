import type { KeyValueStorage } from '$lib/scenario/sketch-store.ts';

/** This browser's local storage, or null where there is none (server rendering). */
export function browserStorage(): KeyValueStorage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/** The page's fetch for the app's own API (a plain function, so no object becomes its `this`). */
export const apiFetch: typeof fetch = (input, init) => fetch(input, init);

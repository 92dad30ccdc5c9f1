import type { Imports, StoredImport } from '../data/imported.ts';
import { tr } from '../i18n/lang.svelte.ts';
import type { ImportKind } from '../io/plan-layers.ts';

const DB = 'naeringsareal-import';
const STORE = 'lag';
const VERSION = 1;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'kind' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(tr('import.store.open')));
    req.onblocked = () => reject(new Error(tr('import.store.blocked')));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error(tr('import.store.failed')));
      tx.onabort = () => reject(tx.error ?? new Error(tr('import.store.aborted')));
    });
  } finally {
    db.close();
  }
}

/**
 * The imported layers kept in this browser (IndexedDB), one per kind. Returns none where
 * IndexedDB is missing or fails (private windows, server rendering): the app then uses the demo data.
 */
export async function loadImports(): Promise<Imports> {
  if (typeof indexedDB === 'undefined') return {};
  try {
    const all = await run('readonly', (s) => s.getAll() as IDBRequest<StoredImport[]>);
    const out: Imports = {};
    for (const x of all) if ((x.kind === 'naering' || x.kind === 'jordbruk') && x.layer?.type === 'FeatureCollection') out[x.kind] = x;
    return out;
  } catch {
    return {};
  }
}

/** Keeps an imported layer (replacing any earlier import of the same kind). Throws if it cannot be kept. */
export async function saveImport(imp: StoredImport): Promise<void> {
  await run('readwrite', (s) => s.put(imp));
}

/** Forgets the imported layer of one kind, or all of them. */
export async function clearImports(kind?: ImportKind): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await run('readwrite', (s) => (kind ? s.delete(kind) : s.clear()));
}


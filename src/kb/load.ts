// STUB: replaced by the real loader. Signature is fixed: loadKb(dataDir?) loads data/ once.
export interface Kb { dataDir: string }
let cached: Kb | null = null;
export function loadKb(dataDir = new URL('../../data/', import.meta.url).pathname): Kb {
  cached ??= { dataDir };
  return cached;
}

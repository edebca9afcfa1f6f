// CAMEO codes for GDELT-style output, read from data/lexicon/cameo.tsv (see data/README.md).
import { fileURLToPath } from 'node:url';
import type { ContractEvent } from '../extract/types.ts';
import { readTsv } from '../kb/tsv.ts';

export interface Cameo {
  /** the full code: '041' */
  code: string;
  /** the three-digit base code: '041' (codes are three digits here, so the same) */
  base: string;
  /** the two-digit root: '04' */
  root: string;
  label: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict */
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
}

interface Rule { type: string; mode: string; status: string; cameo: Cameo }

export const CAMEO_FILE = fileURLToPath(new URL('../../data/lexicon/cameo.tsv', import.meta.url));

/** CAMEO's own grouping of root codes into quad classes. */
export function quadClassOf(root: string): 1 | 2 | 3 | 4 {
  const n = Number(root);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new Error(`not a CAMEO root code: ${root}`);
  return n <= 5 ? 1 : n <= 9 ? 2 : n <= 14 ? 3 : 4;
}

function loadRules(path: string): Rule[] {
  return readTsv(path).map((r) => {
    const goldstein = Number(r.goldstein);
    if (!/^\d{3,4}$/.test(r.cameo) || !Number.isFinite(goldstein)) throw new Error(`${path}: bad row for ${r.type}: ${r.cameo} ${r.goldstein}`);
    const root = r.cameo.slice(0, 2);
    return { type: r.type, mode: r.mode, status: r.status, cameo: { code: r.cameo, base: r.cameo.slice(0, 3), root, label: r.label, quad: quadClassOf(root), goldstein } };
  });
}

let rules: Rule[] | null = null;

/** The CAMEO code of an event: the first row of the table matching its type, mode and status. */
export function cameoOf(e: Pick<ContractEvent, 'type' | 'mode' | 'status'>): Cameo | null {
  rules ??= loadRules(CAMEO_FILE);
  const match = (want: string, have: string | null) => !want || want === have;
  return rules.find((r) => r.type === e.type && match(r.mode, e.mode) && match(r.status, e.status))?.cameo ?? null;
}

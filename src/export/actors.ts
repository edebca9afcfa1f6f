// How an actor reads in flat exports, shared by the CSV and GDELT formats.
import type { Actor } from '../extract/types.ts';

/** The English name when known, else the Arabic one as the article spells it. */
export const actorName = (a: Actor): string => a.name_en ?? a.name_ar;

/** ISO3 for a country, the org code for an org, the country of a person; '' when unknown. */
export const actorCode = (a: Actor): string => a.code ?? a.country ?? '';

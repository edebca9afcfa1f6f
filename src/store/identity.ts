// Who an actor is across articles, whatever the backend: the same person, state or
// organisation gets one identity however each outlet spells the name.
import type { Actor } from '../extract/types.ts';
import { nameKey } from '../kb/normalize.ts';

/** 'c:RUS', 'o:SCO', or 'p:<name key>@<country>' for a person (the English name when known:
 *  outlets agree on it more than on the Arabic spelling; the country keeps namesakes apart). */
export function actorIdentity(a: Actor): string {
  if (a.kind === 'country') return `c:${iso3Of(a) ?? nameKey(a.name_ar)}`;
  if (a.kind === 'org') return `o:${a.code ?? nameKey(a.name_ar)}`;
  return `p:${nameKey(a.name_en ?? a.name_ar)}@${a.country ?? ''}`;
}

/** The country an actor is (a state) or belongs to (a person), as ISO3. */
export function iso3Of(a: Actor): string | null {
  return a.kind === 'country' ? a.code ?? a.country : a.kind === 'person' ? a.country : null;
}

// The shapes that cross stage boundaries: what ingest hands to extraction, and the
// contract (../shared/contract/README.md) that extraction hands to everything else.

export interface RawDoc {
  id: string;
  text: string;
  /** present (even empty) when the source separates the headline from the body */
  title?: string | null;
  /** YYYY-MM-DD or null */
  published?: string | null;
  source?: string | null;
  url?: string | null;
}

export type EntityKind = 'person' | 'country' | 'org' | 'place';

export interface Span { start: number; end: number }

export interface Actor {
  kind: 'person' | 'country' | 'org';
  name_ar: string;
  name_en: string | null;
  country: string | null;
  code: string | null;
}

export interface Entity {
  kind: EntityKind;
  name_ar: string;
  name_en: string | null;
  /** ISO3 for countries, org code for orgs */
  code?: string | null;
  country?: string | null;
  role?: string | null;
  mentions: Span[];
}

export interface PlaceRef { name_ar: string; name_en: string | null; country: string | null }

export interface EventDate { value: string | null; precision: 'day' | 'month' | 'year' | null; text: string }

export type EventType =
  | 'CONSULT' | 'AGREE' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export type ConsultMode = 'phone' | 'visit' | 'third-party' | 'multilateral';

export interface ContractEvent {
  type: EventType;
  mode: ConsultMode | null;
  status: 'held' | 'planned' | null;
  actors: Actor[];
  recipients: Actor[];
  date: EventDate | null;
  place: PlaceRef | null;
  evidence: Span & { text: string };
  confidence: number;
}

export interface ContractStatement extends Span {
  speaker: Actor;
  text: string;
}

export interface ContractDoc {
  id: string;
  title: string | null;
  published: string | null;
  source?: string | null;
  url?: string | null;
  text: string;
  entities: Entity[];
  events: ContractEvent[];
  statements: ContractStatement[];
}

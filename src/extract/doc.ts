// The document as it moves through the pipeline: the cleaned text, its words and sentences,
// and the annotations each stage adds. Offsets are UTF-16 indices into `text`.
import type { Token } from '../kb/normalize.ts';
import type { Person, Title } from '../kb/load.ts';
import type { ConsultMode, EventDate, EventType, PlaceRef } from './types.ts';

export interface Sentence { start: number; end: number; from: number; to: number }

/** A real-world referent: `p:<id>`, `c:<ISO3>`, `o:<CODE>`, `pl:<name>`. */
export type Ref = string;

export interface DocEntity {
  ref: Ref;
  kind: 'person' | 'country' | 'org' | 'place';
  nameAr: string;
  nameEn: string | null;
  code: string | null;
  country: string | null;
  role: string | null;
  person?: Person;
}

export type MentionVia = 'name' | 'adjective' | 'capital' | 'institution' | 'alias' | 'title' | 'place';

export interface Mention {
  from: number;
  to: number;
  ref: Ref;
  via: MentionVia;
  /** named as a location (في مصر، إلى روسيا، a dateline) */
  locative?: boolean;
}

export interface TitleMention { from: number; to: number; title: Title; country: string | null; holder: Ref | null }

export interface DateAnn extends EventDate { from: number }

export interface EventAnn {
  type: EventType;
  mode: ConsultMode | null;
  status: 'held' | 'planned' | null;
  actors: Ref[];
  recipients: Ref[];
  date: EventDate | null;
  place: PlaceRef | null;
  sentence: number;
  /** token range of the trigger */
  from: number;
  to: number;
  confidence: number;
  /** how directly the text dates it: own clause 3, the next sentence's meeting 2, the day of
   *  saying 1, the lead's date 0 (merging keeps the most direct) */
  dateSource?: number;
}

export interface StatementAnn { speaker: Ref; start: number; end: number; sentence: number }

export interface Doc {
  id: string;
  title: string | null;
  published: string | null;
  /** the date relative expressions resolve against: published, else the dateline's */
  refDate: string | null;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  entities: Map<Ref, DocEntity>;
  mentions: Mention[];
  titles: TitleMention[];
  /** place named by a dateline at the head of the article */
  dateline: Ref | null;
  statements: StatementAnn[];
  events: EventAnn[];
}

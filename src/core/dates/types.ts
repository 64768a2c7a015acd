/** The values of temporal expressions, shared by the rules, the labels and the ordering. */
import type { DatePrecision } from '../corpus';

export type TemporalQualifier = 'early' | 'mid' | 'late' | 'about';
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
/** A period that has no precision of its own: the date is its middle (see the module comment). */
export type TemporalSpan = 'week' | 'quarter' | 'decade';

/** A date as the corpus stores it, plus the optional refinements that make a label honest. */
export interface TemporalValue {
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  date: string;
  precision: DatePrecision;
  /** 'early' | 'mid' | 'late' of the period, or 'about' for an approximate one. */
  qualifier?: TemporalQualifier;
  season?: Season;
  span?: TemporalSpan;
}

export interface TemporalMatch extends TemporalValue {
  /** The expression as written: sentence.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** 'absolute' when the year is written out; 'relative' when anything came from the anchor. */
  kind: 'absolute' | 'relative';
}

import { integerReadsAsWritten } from '../../common/json/long-integers.js';
/**
 * Dates a table accepts: real calendar days from 1900-01-01 to 9999-12-31. The pilots' dates (registrations,
 * orders, thresholds in force, birth dates) are all after 1900, so an earlier year is a typo (0202 for 2020);
 * year 0000 is no year of the calendar; 9999-12-31 is the "until further notice" date ERP exports write.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '9999-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// French first: a spreadsheet exported in French writes vrai/faux, as the console's help says oui/non.
const TRUE_WORDS = new Set(['true', 'vrai', 'oui', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'faux', 'non', 'no', '0']);

/** The value as its column's type; null when empty; undefined when it cannot be one. */
export function convertCell(
  value: unknown,
  type: string,
  fromText: boolean,
  /** The text comes from a CSV separated by commas, an English spreadsheet's: « 1,000 » may be a thousand. */
  commaMayGroup = false,
): string | number | boolean | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'string') return typeof value === 'string' ? value : fromText ? String(value) : undefined;
  if (type === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string' && fromText && commaMayGroup && ambiguousComma(value)) return undefined;
    // CSV from French spreadsheets writes 1 234,56: accept a decimal comma and spaces as thousands separators.
    const text =
      typeof value === 'string' && fromText ? value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : undefined;
    if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text) || inexactInteger(text)) return undefined;
    const number = Number(text);
    return Number.isFinite(number) ? number : undefined; // 309 digits or more make Infinity, which JSON cannot hold
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = typeof value === 'string' && fromText ? value.trim().toLowerCase() : '';
    return TRUE_WORDS.has(text) ? true : FALSE_WORDS.has(text) ? false : undefined;
  }
  return typeof value === 'string' && isCalendarDate(value) ? value : undefined;
}

/** YYYY-MM-DD naming a day that exists (no 2020-02-30), from FIRST_DATE to LAST_DATE. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match || text < FIRST_DATE) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** An integer in a number cell that would be kept as another number (common/json/long-integers.ts). */
export function ambiguousComma(text: string): boolean {
  return AMBIGUOUS_COMMA.test(text.replace(/[\s\u00a0\u202f]/g, ''));
}

/**
 * « 1,000 » or « 12,500 »: one to three digits, a comma, three digits. A French spreadsheet means 1 and 12,5; an
 * English one 1000 and 12500. Read as French, « 12,500 » from an English spreadsheet became 12.5 (a console review):
 * in a CSV separated by commas (a spreadsheet whose decimal point is not the comma), such a number is refused as
 * ambiguous, to be written 12500 or 12.5. Separated by semicolons (a French spreadsheet), the comma is the decimal
 * point: « 9,975 » is the QST rate. « 0,125 », « 1 234,567 » and « 1,5 » are decimals beyond doubt either way.
 */
const AMBIGUOUS_COMMA = /^-?[1-9]\d{0,2},\d{3}$/;

export function inexactInteger(text: string): boolean {
  return /^-?\d{16,}$/.test(text) && !integerReadsAsWritten(text);
}

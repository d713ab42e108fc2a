// The date a page prints for readers ("Updated 3:27 am EST, Wednesday, November 20, 2019", "PUBLISHED: 10:48,
// Tue, Nov 19, 2019"), for pages whose metadata gives none. US zone abbreviations are honoured; a time without
// a zone is taken as UTC.

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d\\d)\\b`, 'i');
const TIME = /\b(\d{1,2})[:.](\d{2})\s*([ap])?\.?m?\.?(?:\s*(EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST))?\b/i;

/** Hours to add to a local time in this zone to reach UTC. */
const ZONE_TO_UTC: Record<string, number> = {
  est: 5,
  edt: 4,
  cst: 6,
  cdt: 5,
  mst: 7,
  mdt: 6,
  pst: 8,
  pdt: 7,
  gmt: 0,
  utc: 0,
  bst: -1,
  cet: -1,
  cest: -2,
};

function dayOf(line: string): { year: number; month: number; day: number } | null {
  let m = MONTH_DAY_YEAR.exec(line);
  if (m) return { year: Number(m[3]), month: MONTHS[m[1].toLowerCase()], day: Number(m[2]) };
  m = DAY_MONTH_YEAR.exec(line);
  if (m) return { year: Number(m[3]), month: MONTHS[m[2].toLowerCase()], day: Number(m[1]) };
  return null;
}

export function visibleDate(line: string): Date | null {
  if (line.length > 140) return null;
  const day = dayOf(line);
  if (!day || day.day < 1 || day.day > 31) return null;
  let hours = 0;
  let minutes = 0;
  const t = TIME.exec(line);
  if (t && Number(t[1]) < 24 && Number(t[2]) < 60) {
    hours = (Number(t[1]) % (t[3] ? 12 : 24)) + (t[3]?.toLowerCase() === 'p' ? 12 : 0);
    minutes = Number(t[2]);
    hours += t[4] ? ZONE_TO_UTC[t[4].toLowerCase()] : 0;
  }
  const d = new Date(Date.UTC(day.year, day.month, day.day, hours, minutes));
  // Date.UTC rolls 31 February over into March: refuse such a day.
  const check = new Date(Date.UTC(day.year, day.month, day.day));
  return check.getUTCDate() === day.day ? d : null;
}

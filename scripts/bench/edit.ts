/** The edit a warm rebuild measures: one seed changed by a reader, the others untouched. */

/** A date line's day: "ngày 16 tháng 12" (the place and date of every resolution). */
const DAY = /ngày (\d{1,2}) tháng/;

/** The seed with its date moved by one day, so its text and every page made from it change. */
export function editSeed(text: string): string {
  const match = DAY.exec(text);
  if (!match) return `${text}\n`;
  const day = Number(match[1]);
  return text.replace(DAY, `ngày ${(day % 28) + 1} tháng`);
}

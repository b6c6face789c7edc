/** "1.234,50 €" / "€1,234.50" from integer cents. */
export function euro(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

export const toCents = (euros: number): number => Math.round(euros * 100)

/** "11/03/2026" from "2026-03-11" (or a date-time). */
export function itDay(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s
}

import type { SistemaTsType } from '../../../../shared/alfadocs/schemas'

/**
 * Sistema TS "tipo spesa" (voceSpesa) codes as AlfaDocs names them, with their meaning. The upper-case
 * codes are the official ones of the Sistema TS technical specification (Tabella "voceSpesa"); tk2, sr2
 * and nn exist only in AlfaDocs and their meaning is our best reading (marked `official: false`).
 * The Italian text is the one the receptionist knows from the 730 precompilato; English is a gloss.
 */
export const SISTEMA_TS_TYPES: ReadonlyArray<{ code: SistemaTsType; official: boolean; it: string; en: string }> = [
  { code: 'sp', official: true, it: 'Prestazioni sanitarie', en: 'Healthcare services' },
  {
    code: 'sr',
    official: true,
    it: 'Assistenza specialistica ambulatoriale (visite, diagnostica, chirurgia non estetica)',
    en: 'Outpatient specialist care (visits, diagnostics, non-cosmetic surgery)',
  },
  {
    code: 'sr2',
    official: false,
    it: 'Assistenza specialistica — seconda voce (codice AlfaDocs)',
    en: 'Specialist care — second entry (AlfaDocs code)',
  },
  { code: 'ad', official: true, it: 'Acquisto o affitto di dispositivi medici CE', en: 'Purchase or rental of CE medical devices' },
  {
    code: 'as',
    official: true,
    it: 'Spese sanitarie per esami e servizi (ECG, test, farmacia dei servizi)',
    en: 'Health tests and pharmacy services (ECG, tests)',
  },
  { code: 'tk', official: true, it: 'Ticket (quota fissa, franchigia, pronto soccorso)', en: 'Ticket (co-payment, excess, A&E)' },
  { code: 'tk2', official: false, it: 'Ticket (quota fissa) — codice AlfaDocs', en: 'Ticket (fixed share) — AlfaDocs code' },
  { code: 'fc', official: true, it: 'Farmaco, anche omeopatico', en: 'Medicine, including homeopathic' },
  { code: 'fv', official: true, it: 'Farmaco per uso veterinario', en: 'Veterinary medicine' },
  { code: 'pi', official: true, it: 'Protesica e integrativa', en: 'Prosthetics and supplementary care' },
  { code: 'ct', official: true, it: 'Cure termali', en: 'Spa (thermal) treatments' },
  { code: 'ic', official: true, it: 'Chirurgia estetica', en: 'Cosmetic surgery' },
  { code: 'aa', official: true, it: 'Altre spese', en: 'Other expenses' },
  { code: 'nn', official: false, it: 'Non da inviare al Sistema TS (codice AlfaDocs)', en: 'Not sent to Sistema TS (AlfaDocs code)' },
]

export function sistemaTsLabel(code: string | null | undefined, locale: string): string {
  if (!code) return '—'
  const row = SISTEMA_TS_TYPES.find((r) => r.code === code)
  if (!row) return code.toUpperCase()
  return `${code.toUpperCase()} — ${locale === 'en' ? row.en : row.it}`
}

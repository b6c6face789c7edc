import type { BookingReason, Chair, Color, CustomField, Named, Operator, Practice, Specialty } from '../state'
import { fiscalCode } from './fiscalCode'

// The practice's configuration: chairs, colors, operators, specialties, booking reasons, custom fields,
// payment types and accounts. Fixed (no randomness) so ids are stable across seeds.

export const practice: Practice = {
  practiceId: 4821,
  archiveId: 5133,
  userId: 90211,
  userEmail: 'segreteria@studiodemo-bologna.it',
  practiceName: 'Studio Dentistico Demo — Bologna',
}

export const chairs: Chair[] = [
  ...[1, 2, 3, 4, 5].map((n) => ({ id: 2285360 + n, name: `Poltrona ${n}`, deleted: false })),
  { id: 2285366, name: 'Poltrona 6 (dismessa)', deleted: true },
]

/** Background/text pairs chosen for readable contrast (hex, no '#', lowercase like the API). */
export const colors: Color[] = [
  ['e91e63', 'ffffff'],
  ['3949ab', 'ffffff'],
  ['2e7d32', 'ffffff'],
  ['ffc107', '000000'],
  ['00bcd4', '000000'],
  ['8e24aa', 'ffffff'],
  ['ff7043', '000000'],
  ['6d4c41', 'ffffff'],
  ['455a64', 'ffffff'],
  ['c5e1a5', '1b5e20'],
  ['1565c0', 'ffffff'],
  ['b71c1c', 'ffffff'],
].map(([bg, fg], i) => ({ id: 85661 + i, backgroundColor: bg!, textColor: fg! }))

const op = (id: number, first: string, last: string, g: 'm' | 'f', birth: string, seq: number, deleted = false): Operator => ({
  id,
  name: `${first} ${last}`,
  italianFiscalCode: fiscalCode(first, last, g, birth, 'A944'),
  sequenceNumber: seq,
  deleted,
})
export const operators: Operator[] = [
  op(965561, 'Marco', 'Bellini', 'm', '1971-04-18', 1),
  op(965562, 'Giulia', 'Fabbri', 'f', '1983-09-02', 2),
  op(965563, 'Andrea', 'Zanetti', 'm', '1978-12-25', 3),
  op(965564, 'Chiara', 'Monari', 'f', '1990-06-14', 4),
  op(965565, 'Luca', 'Gamberini', 'm', '1975-02-09', 5),
  op(965566, 'Paolo', 'Venturi', 'm', '1958-11-30', 6, true),
]
const [BEL, FAB, ZAN, MON, GAM] = operators.map((o) => o.id) as [number, number, number, number, number]

const spec = (i: number, name: string, operatorIds: number[]): Specialty => ({
  id: 820 + i,
  name,
  sequenceNumber: String(i + 1),
  createdAt: '2019-03-11 09:15:00',
  deleted: false,
  operatorIds,
})
export const specialties: Specialty[] = [
  spec(0, 'Igiene', [MON]),
  spec(1, 'Conservativa', [BEL, FAB]),
  spec(2, 'Ortodonzia', [ZAN]),
  spec(3, 'Implantologia', [GAM, BEL]),
  spec(4, 'Chirurgia', [GAM]),
  spec(5, 'Protesi', [FAB, BEL]),
  spec(6, 'Endodonzia', [FAB]),
  spec(7, 'Pedodonzia', [FAB, ZAN]),
  { ...spec(8, 'Parodontologia (non più attiva)', [MON]), deleted: true },
]

/** Which color the agenda uses for each specialty (index into colors). */
export const specialtyColor: Record<number, number> = {
  820: 85664,
  821: 85662,
  822: 85666,
  823: 85661,
  824: 85672,
  825: 85668,
  826: 85667,
  827: 85670,
  828: 85669,
}

const reasonDefs: Array<[string, number, number, string, number?]> = [
  // description, specialty index, duration, price, weight
  ['Igiene professionale', 0, 45, '80.00', 6],
  ['Visita di controllo', 1, 30, '50.00', 5],
  ['Prima visita', 1, 30, '0.00', 3],
  ['Otturazione', 1, 45, '90.00', 4],
  ['Controllo ortodontico', 2, 20, '60.00', 4],
  ['Applicazione apparecchio', 2, 60, '400.00', 1],
  ['Inserimento impianto', 3, 90, '1200.00', 1],
  ['Estrazione', 4, 30, '120.00', 2],
  ['Estrazione dente del giudizio', 4, 60, '250.00', 1],
  ['Prova protesi', 5, 30, '0.00', 2],
  ['Cementazione corona', 5, 45, '600.00', 1],
  ['Devitalizzazione', 6, 60, '250.00', 2],
  ['Sigillature', 7, 30, '60.00', 1],
  ['Urgenza', 1, 15, '50.00', 2],
  ['Sbiancamento', 0, 60, '300.00', 1],
]
export const bookingReasons: BookingReason[] = reasonDefs.map(([description, si, duration, price], i) => ({
  id: 5 + i,
  specialtyId: specialties[si]!.id,
  description,
  duration: String(duration),
  sequenceNumber: String(i + 1),
  createdAt: '2021-02-18 10:30:47',
  deleted: false,
  operatorIds: specialties[si]!.operatorIds,
  price,
}))
export const reasonWeights: number[] = reasonDefs.map((d) => d[4] ?? 1)

export const customFields: CustomField[] = [
  {
    id: 8361,
    objectType: 'patient',
    label: 'Allergie',
    technicalName: 'allergie',
    type: 'single_line_text',
    choices: [],
    sequenceNumber: 1,
  },
  {
    id: 8362,
    objectType: 'patient',
    label: 'Consenso privacy firmato',
    technicalName: 'consensoPrivacy',
    type: 'single_checkbox',
    choices: [],
    sequenceNumber: 2,
  },
  {
    id: 8363,
    objectType: 'patient',
    label: 'Come ci ha conosciuto',
    technicalName: 'comeCiHaConosciuto',
    type: 'dropdown',
    choices: ['Passaparola', 'Internet', 'Medico curante', 'Convenzione', 'Altro'],
    sequenceNumber: 3,
  },
  {
    id: 8366,
    objectType: 'patient',
    label: 'Vuole anticipare',
    technicalName: 'anticipo',
    type: 'single_checkbox',
    choices: [],
    sequenceNumber: 4,
  },
  {
    id: 8364,
    objectType: 'care_plan',
    label: 'Convenzione',
    technicalName: 'convenzione',
    type: 'dropdown',
    choices: ['Nessuna', 'UniSalute', 'Fasi', 'Previmedical'],
    sequenceNumber: 1,
  },
  {
    id: 8365,
    objectType: 'care_plan',
    label: 'Note piano',
    technicalName: 'notePiano',
    type: 'single_line_text',
    choices: [],
    sequenceNumber: 2,
  },
]

export const paymentTypes: Named[] = [
  { id: 31001, name: 'Contante', deleted: false },
  { id: 31002, name: 'Bancomat', deleted: false },
  { id: 31003, name: 'Carta di credito', deleted: false },
  { id: 31004, name: 'Bonifico', deleted: false },
  { id: 31005, name: 'Assegno', deleted: false },
  { id: 31006, name: 'Finanziamento (non più usato)', deleted: true },
]
export const accounts: Named[] = [
  { id: 33961, name: 'Cassa', deleted: false },
  { id: 33962, name: 'Banca', deleted: false },
  { id: 33963, name: 'Banca (vecchio conto)', deleted: true },
]

export const folders = [
  { id: '4101', name: 'Radiografie' },
  { id: '4102', name: 'Immagini' },
  { id: '4103', name: 'Documenti' },
]

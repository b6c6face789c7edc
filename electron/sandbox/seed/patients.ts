import { addDaysIso } from '../../../shared/dates'
import type { Rng } from '../rng'
import type { Patient, PhoneNumber } from '../state'
import { fiscalCode } from './fiscalCode'
import { birthPlaces, emailDomains, femaleNames, jobs, lastNames, maleNames, residenceTowns, streets } from './names'

const mobilePrefixes = [
  '320',
  '328',
  '329',
  '333',
  '334',
  '335',
  '338',
  '339',
  '340',
  '347',
  '348',
  '349',
  '351',
  '366',
  '380',
  '388',
  '392',
  '393',
]
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('')

export const PATIENT_COUNT = 540

export function seedPatients(rng: Rng, today: string): Patient[] {
  const out: Patient[] = []
  let id = 10001
  let phoneId = 70001
  for (let i = 0; i < PATIENT_COUNT; i++) {
    id += rng.int(1, 3)
    const gender: 'm' | 'f' = rng.chance(0.52) ? 'f' : 'm'
    const firstName = rng.pick(gender === 'f' ? femaleNames : maleNames)
    const lastName = rng.pick(lastNames)
    const age = rng.chance(0.12) ? rng.int(4, 17) : rng.int(18, 90)
    const birth = addDaysIso(today, -(age * 365 + rng.int(0, 364)))
    const place = rng.pick(birthPlaces)
    const town = rng.pick(residenceTowns)
    const noBirth = i % 97 === 13
    const cf = noBirth || i % 61 === 7 ? 'NON DISPONIBILE' : fiscalCode(firstName, lastName, gender, birth, place.belfiore)

    const phones: PhoneNumber[] = []
    if (!rng.chance(0.03)) {
      phones.push({
        id: String(phoneId++),
        prefix: '+39',
        number: rng.pick(mobilePrefixes) + digits(rng, 7),
        label: 'Cellulare',
        smsEnabled: true,
      })
      if (rng.chance(0.25)) {
        const home = rng.chance(0.6)
        phones.push({
          id: String(phoneId++),
          prefix: '+39',
          number: '051' + digits(rng, home ? 6 : 7),
          label: home ? 'Casa' : 'Lavoro',
          smsEnabled: false,
        })
      }
    }
    const hasEmail = rng.chance(0.78)
    const email = hasEmail ? `${plain(firstName)}.${plain(lastName)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(emailDomains)}` : ''
    const created = addDaysIso(today, -rng.int(20, 3650))

    const p: Patient = {
      id,
      firstName,
      lastName,
      email,
      emailEnabled: hasEmail,
      emailValid: hasEmail ? 'true' : 'false',
      phoneNumbers: phones,
      gender,
      street: `${rng.pick(streets)} ${rng.int(1, 180)}`,
      city: town.city,
      postcode: town.postcode,
      province: town.province,
      placeOfBirth: place.city,
      italianFiscalCode: cf,
      job: age < 18 ? 'Studente' : rng.pick(jobs),
      emailReminderPossible: hasEmail ? 'true' : 'false',
      smsReminderPossible: phones.length > 0 ? 'true' : 'false',
      documentSignatureEmailPossible: hasEmail ? 'true' : 'false',
      createdAt: `${created} ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`,
      lastModifiedAt: `${addDaysIso(created, rng.int(0, 15))} 10:00:00`,
      deleted: false,
      _allergie: rng.chance(0.8) ? '' : rng.pick(['Penicillina', 'Lattice', 'Nichel', 'Lidocaina', 'FANS']),
      _consensoPrivacy: rng.chance(0.9),
      _comeCiHaConosciuto: rng.chance(0.4) ? '' : rng.pick(['Passaparola', 'Internet', 'Medico curante', 'Convenzione', 'Altro']),
      // Checked the ways AlfaDocs spells it (a boolean, '1', 'true'); no draw from rng, so the rest of the seed is unchanged.
      _anticipo: i % 19 === 3 ? [true, '1', 'true'][i % 3] : i % 19 === 7 ? '0' : false,
    }
    // Real AlfaDocs sends `dateBirth`; the reference example says `dateOfBirth`; empty is the PHP zero date.
    if (noBirth) p.dateBirth = '-0001-11-30'
    else if (i % 9 === 4) p.dateOfBirth = birth
    else p.dateBirth = birth
    out.push(p)
  }
  // A few deleted patients: GET still answers, with reduced data; search leaves them out.
  for (let i = 0; i < 3; i++) {
    id += 2
    out.push({ id, firstName: rng.pick(maleNames), lastName: rng.pick(lastNames), phoneNumbers: [], deleted: true })
  }
  return out
}

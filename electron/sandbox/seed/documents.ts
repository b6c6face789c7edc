import { addDaysIso } from '../../../shared/dates'
import { textPdf, xrayPng } from '../png'
import type { Rng } from '../rng'
import type { DocumentRecord, Patient } from '../state'
import { folders } from './reference'

export function seedDocuments(rng: Rng, today: string, patients: Patient[]): DocumentRecord[] {
  const xrays = Array.from({ length: 6 }, (_, v) => xrayPng(v).toString('base64'))
  const photo = xrayPng(9).toString('base64')
  const [rx, img, docs] = folders as [(typeof folders)[0], (typeof folders)[0], (typeof folders)[0]]
  const out: DocumentRecord[] = []
  let id = 300001
  for (const p of patients) {
    if (p.deleted || !rng.chance(0.28)) continue
    const n = rng.int(1, 3)
    for (let i = 0; i < n; i++) {
      const day = addDaysIso(today, -rng.int(1, 900))
      const createdAt = `${day} ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`
      const kind = rng.int(0, 3)
      const base = { id: id++, patientId: p.id, createdAt }
      if (kind === 0)
        out.push({ ...base, name: `Panoramica ${day}.png`, folderId: rx.id, folderName: rx.name, type: 'xray', base64: rng.pick(xrays) })
      else if (kind === 1)
        out.push({ ...base, name: `Foto intraorale ${day}.png`, folderId: img.id, folderName: img.name, type: 'image', base64: photo })
      else if (kind === 2) {
        const pdf = textPdf(['Studio Dentistico Demo - Bologna', `Consenso informato - ${p.firstName} ${p.lastName}`, `Data: ${day}`])
        out.push({
          ...base,
          name: 'Consenso informato.pdf',
          folderId: docs.id,
          folderName: docs.name,
          type: 'electronic_signature_patient_details',
          base64: pdf.toString('base64'),
        })
      } else {
        const txt = `Anamnesi di ${p.firstName} ${p.lastName}\nAllergie: ${String(p._allergie || 'nessuna')}\n`
        out.push({
          ...base,
          name: 'Anamnesi.txt',
          folderId: docs.id,
          folderName: docs.name,
          type: 'text',
          base64: Buffer.from(txt, 'utf8').toString('base64'),
        })
      }
    }
  }
  return out
}

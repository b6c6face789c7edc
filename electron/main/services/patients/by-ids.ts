import type { Patient } from '../../../../shared/alfadocs/schemas'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'

const PAGE = 100

/**
 * The patients with these ids, each fetched at most once. One GET per patient costs a request each; the
 * paged search costs one per 100 patients. Whichever needs fewer requests is used (a small practice's whole
 * list is often cheaper than 120 single reads). Deleted or unknown ids are left out.
 */
export async function fetchPatientsByIds(client: AlfaDocsClient, ids: readonly number[]): Promise<Patient[]> {
  const wanted = new Set(ids)
  const found = new Map<number, Patient>()
  if (wanted.size > 3) {
    const first = await client.request('patientsSearch', { query: { offset: 0, limit: PAGE } })
    keep(first.results)
    const pagesLeft = Math.max(0, Math.ceil(first.total / PAGE) - 1)
    if (pagesLeft < wanted.size - found.size) {
      const pages = await Promise.all(
        Array.from({ length: pagesLeft }, (_, i) => client.request('patientsSearch', { query: { offset: (i + 1) * PAGE, limit: PAGE } })),
      )
      for (const p of pages) keep(p.results)
    }
  }
  const missing = [...wanted].filter((id) => !found.has(id))
  const singles = await Promise.all(
    missing.map(async (patientId) => {
      try {
        return await client.request('patientGet', { params: { patientId } })
      } catch (e) {
        if (e instanceof AlfaDocsError && e.kind === 'not-found') return null
        throw e
      }
    }),
  )
  for (const p of singles) if (p) found.set(p.id, p)
  return [...wanted].map((id) => found.get(id)).filter((p): p is Patient => p !== undefined)

  function keep(list: Patient[]) {
    for (const p of list) if (wanted.has(p.id)) found.set(p.id, p)
  }
}

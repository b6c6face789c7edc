import type { Bill } from '../../../../shared/alfadocs/schemas'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'

// Which patient a bill belongs to, and the patient's name. AlfaDocs' reference lists `carePlanId` on bills,
// not `patientId` (real bills may carry it as an extra field): without it, the bill's care plan names the
// patient. Care plans' patients and patients' names are asked once per client (session).

type Client = Pick<AlfaDocsClient, 'request'>

interface Memo {
  planPatient: Map<number, Promise<number | null>>
  names: Map<number, Promise<string | null>>
}
const memos = new WeakMap<object, Memo>()
const memoOf = (client: Client): Memo => {
  let m = memos.get(client)
  if (!m) memos.set(client, (m = { planPatient: new Map(), names: new Map() }))
  return m
}

const gone = (e: unknown) => e instanceof AlfaDocsError && e.kind === 'not-found'

/** The care plan's patient (null: no such plan, or it names none). A failure other than not-found is thrown and not kept. */
export function carePlanPatient(client: Client, carePlanId: number): Promise<number | null> {
  const memo = memoOf(client).planPatient
  let p = memo.get(carePlanId)
  if (!p) {
    p = client
      .request('carePlanGet', { params: { carePlanId } })
      .then((plan) => plan.patientId ?? null)
      .catch((e: unknown) => {
        if (gone(e)) return null
        memo.delete(carePlanId)
        throw e
      })
    memo.set(carePlanId, p)
  }
  return p
}

/** "Last First" of a patient; null if AlfaDocs does not know the patient. */
export function patientName(client: Client, patientId: number): Promise<string | null> {
  const memo = memoOf(client).names
  let p = memo.get(patientId)
  if (!p) {
    p = client
      .request('patientGet', { params: { patientId } })
      .then((pt) => `${pt.lastName} ${pt.firstName}`.trim() || null)
      .catch((e: unknown) => {
        if (gone(e)) return null
        memo.delete(patientId)
        throw e
      })
    memo.set(patientId, p)
  }
  return p
}

/** The bill's patient: its own `patientId`, else its care plan's. A care plan that cannot be read leaves it unknown (null). */
export async function billPatientId(client: Client, bill: Pick<Bill, 'patientId' | 'carePlanId'>): Promise<number | null> {
  if (bill.patientId != null) return bill.patientId
  if (bill.carePlanId == null) return null
  return carePlanPatient(client, bill.carePlanId).catch(() => null)
}

const PAGE = 100

/**
 * Names of many patients at once: when more are missing than the practice's patient list has pages, the
 * paged list is read (one request per 100 patients) instead of one GET per patient.
 */
async function prefetchNames(client: Client, ids: readonly number[]): Promise<void> {
  const memo = memoOf(client).names
  const missing = new Set(ids.filter((id) => !memo.has(id)))
  if (missing.size <= 3) return
  try {
    const first = await client.request('patientsSearch', { query: { offset: 0, limit: PAGE } })
    const pagesLeft = Math.max(0, Math.ceil(first.total / PAGE) - 1)
    if (pagesLeft >= missing.size) return
    const pages = [
      first,
      ...(await Promise.all(
        Array.from({ length: pagesLeft }, (_, i) => client.request('patientsSearch', { query: { offset: (i + 1) * PAGE, limit: PAGE } })),
      )),
    ]
    for (const page of pages) {
      for (const p of page.results) {
        if (missing.has(p.id) && !memo.has(p.id)) memo.set(p.id, Promise.resolve(`${p.lastName} ${p.firstName}`.trim() || null))
      }
    }
  } catch {
    // The single reads below still name whoever they can.
  }
}

/** Each bill's patient id and name (by bill id). Names that cannot be read are null: the list still shows. */
export async function billPatients(
  client: Client,
  bills: ReadonlyArray<Pick<Bill, 'id' | 'patientId' | 'carePlanId'>>,
): Promise<Map<number, { patientId: number | null; patientName: string | null }>> {
  const ids = await Promise.all(bills.map((b) => billPatientId(client, b)))
  const unique = [...new Set(ids.filter((id): id is number => id !== null))]
  await prefetchNames(client, unique)
  const names = new Map(await Promise.all(unique.map(async (id) => [id, await patientName(client, id).catch(() => null)] as const)))
  return new Map(
    bills.map((b, i) => [b.id, { patientId: ids[i] ?? null, patientName: ids[i] != null ? (names.get(ids[i]!) ?? null) : null }]),
  )
}

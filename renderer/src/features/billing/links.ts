// Where the billing screens are, for other features and for billing's own views.

/** The route to one bill, e.g. from a patient's page or an appointment: `router.push(billLink(id))`. */
export const billLink = (billId: number) => ({ name: 'billing-bill', params: { id: String(billId) } })

/** `#/billing/bill/ID` for a plain <a href>. */
export const billHref = (billId: number) => `#/billing/bill/${billId}`

/** The bills of a care plan (an appointment carries its carePlanId). */
export const carePlanBillsLink = (carePlanId: number) => ({ name: 'billing', query: { carePlanId: String(carePlanId) } })

/** A patient's bills. */
export const patientBillsLink = (patientId: number) => ({ name: 'billing', query: { patientId: String(patientId) } })

/** A payment's courtesy receipt. */
export const receiptLink = (key: string) => ({ name: 'billing-receipt', params: { key } })

export const takingsLink = (date?: string) => ({ name: 'billing-takings', ...(date ? { params: { date } } : {}) })

/** The day close (chiusura di cassa) of a day, today by default. */
export const dayCloseLink = (date?: string) => ({ name: 'billing-day-close', ...(date ? { params: { date } } : {}) })

/** Where AlfaDocs' own pages are: the connected server's origin when it is https, otherwise AlfaDocs' (a demo on http). */
const ALFADOCS_ORIGIN = 'https://app.alfadocs.com'
function alfadocsOrigin(baseUrl: string | null | undefined): string {
  try {
    const u = new URL(baseUrl ?? '')
    return u.protocol === 'https:' ? u.origin : ALFADOCS_ORIGIN
  } catch {
    return ALFADOCS_ORIGIN
  }
}

/**
 * The patient's page in AlfaDocs (through its login, which lands on the practice), for what the API cannot do
 * here, such as issuing the invoice. Opened as a new window, which main hands to the browser (https only).
 */
export function alfadocsPatientUrl(baseUrl: string | null | undefined, practiceId: number, patientId: number): string {
  const redirect = encodeURIComponent(`/doctorPatient/show/${patientId}`)
  return `${alfadocsOrigin(baseUrl)}/login?redirectPracticeId=${practiceId}&redirect=${redirect}`
}

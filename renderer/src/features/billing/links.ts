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

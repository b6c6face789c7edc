import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PaymentView } from '../../../../shared/contract/billing'
import type { Account, PaymentType } from '../../../../shared/alfadocs/schemas'
import { call, toApiError } from '../../api'

/** Payment types and accounts (once per session) and the unfinished payments (polled while there are any). */
export const useBillingStore = defineStore('billing', () => {
  const paymentTypes = ref<PaymentType[]>([])
  const accounts = ref<Account[]>([])
  const unfinished = ref<PaymentView[]>([])
  const unfinishedError = ref<string | null>(null)
  /** Bill numbers ("2026/109") of unfinished payments' bills, for the banner; the id until known. */
  const billNumbers = ref<Record<number, string | null>>({})
  const asking = new Set<number>()
  let referenceLoaded: Promise<void> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  function loadReference(force = false): Promise<void> {
    if (!referenceLoaded || force) {
      referenceLoaded = call('billingReference', {})
        .then((r) => {
          paymentTypes.value = r.paymentTypes
          accounts.value = r.accounts
        })
        .catch((e: unknown) => {
          referenceLoaded = null
          throw toApiError(e)
        })
    }
    return referenceLoaded
  }

  async function refreshUnfinished(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    try {
      unfinished.value = await call('paymentsUnfinished', {})
      unfinishedError.value = null
    } catch (e) {
      unfinishedError.value = toApiError(e).message
    }
    void fillBillNumbers()
    // While something is unfinished (main resumes it in the background), look again now and then.
    if (unfinished.value.length > 0) timer = setTimeout(() => void refreshUnfinished(), 4000)
  }

  async function fillBillNumbers(): Promise<void> {
    const missing = [...new Set(unfinished.value.map((p) => p.billId))].filter((id) => !(id in billNumbers.value) && !asking.has(id))
    for (const id of missing) {
      asking.add(id)
      try {
        const d = await call('billDetail', { billId: id })
        billNumbers.value = { ...billNumbers.value, [id]: d.bill.numberIncludingPrefix ?? null }
      } catch {
        // AlfaDocs may be the reason the payment is unfinished: the banner shows the bill's id meanwhile.
      } finally {
        asking.delete(id)
      }
    }
  }

  async function retry(key: string): Promise<PaymentView> {
    try {
      return await call('paymentRetry', { key })
    } finally {
      await refreshUnfinished()
    }
  }

  async function discard(key: string): Promise<PaymentView> {
    try {
      return await call('paymentDiscard', { key })
    } finally {
      await refreshUnfinished()
    }
  }

  const paymentTypeName = (id: number | null | undefined) => paymentTypes.value.find((p) => p.id === id)?.name ?? (id ? `#${id}` : '—')
  const accountName = (id: number | null | undefined) => accounts.value.find((a) => a.id === id)?.name ?? (id ? `#${id}` : '—')

  return { paymentTypes, accounts, unfinished, unfinishedError, billNumbers, loadReference, refreshUnfinished, retry, discard, paymentTypeName, accountName }
})

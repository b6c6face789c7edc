import type { Handlers } from './context'

export const referenceHandlers: Handlers = {
  me: ({ state }) => state.practice,
  chairsList: ({ state }) => state.chairs,
  colorsList: ({ state }) => state.colors,
  operatorsList: ({ state, query }) => {
    let ops = state.operators
    if (query.get('ignoreDeleted') === 'true' || query.get('ignoreDeleted') === '1') ops = ops.filter((o) => !o.deleted)
    const cf = query.get('italianFiscalCode')
    if (cf) ops = ops.filter((o) => o.italianFiscalCode.toUpperCase() === cf.toUpperCase())
    return ops
  },
  specialtiesList: ({ state }) => state.specialties,
  bookingReasonsList: ({ state }) => state.bookingReasons,
  customFieldsList: ({ state, query }) => {
    const t = query.get('objectType')
    return t ? state.customFields.filter((f) => f.objectType === t) : state.customFields
  },
  paymentTypesList: ({ state }) => state.paymentTypes,
  accountsList: ({ state }) => state.accounts,
}

export { toCents, toEuros } from '../../../../shared/billing/money'

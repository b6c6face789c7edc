/** Euros as the API sends them (number, maybe "12.30" parsed) → integer cents. */
export const toCents = (euros: number): number => Math.round(euros * 100)

/** Integer cents → euros with 2 decimals, as the API takes them. */
export const toEuros = (cents: number): number => Number((cents / 100).toFixed(2))

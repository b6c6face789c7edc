/** One write of an appointment, from its start: `chained` when another of it was still on its way. */
export interface Write {
  chained: boolean
  /** The write has ended (answered or refused); whether it is still the latest of its appointment. Once counts. */
  end(): boolean
}

/**
 * The writes on their way per appointment, in the order they started (the agenda store and today's): while any
 * is on its way a refresh keeps what the desk did, and only the latest one's answer or refusal may change what is
 * shown (an earlier one's late answer would show the older state over the newer: two clicks in a row).
 */
export function writesInFlight() {
  const counts = new Map<number, number>()
  const last = new Map<number, number>()
  let seq = 0
  return {
    has: (id: number): boolean => counts.has(id),
    begin(id: number): Write {
      const mine = ++seq
      const chained = counts.has(id)
      last.set(id, mine)
      counts.set(id, (counts.get(id) ?? 0) + 1)
      let ended = false
      return {
        chained,
        end() {
          if (!ended) {
            ended = true
            const n = (counts.get(id) ?? 1) - 1
            if (n > 0) counts.set(id, n)
            else counts.delete(id)
          }
          return last.get(id) === mine
        },
      }
    },
    clear(): void {
      counts.clear()
      last.clear()
    },
  }
}

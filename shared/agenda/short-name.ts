// "Rossi M.": the surname and as few letters of the first name as keep the day's patients apart ("Rossi Ma."
// and "Rossi Mi." when Mario and Michele are both booked), for blocks too narrow for the whole name. Pure.
// (toLowerCase, not toLocaleLowerCase: the same for Italian names, and a busy day folds a thousand of them.)

export interface PersonName {
  firstName: string
  lastName: string
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ')

/** One short form per distinct (surname, first name) of `people`, keyed by `nameKey`. */
export function shortNames(people: Iterable<PersonName>): Map<string, string> {
  const bySurname = new Map<string, Set<string>>()
  for (const p of people) {
    const last = norm(p.lastName).toLowerCase()
    const set = bySurname.get(last) ?? new Set<string>()
    set.add(norm(p.firstName).toLowerCase())
    bySurname.set(last, set)
  }
  const out = new Map<string, string>()
  for (const p of people) {
    const key = nameKey(p)
    if (out.has(key)) continue
    const first = norm(p.firstName)
    const last = norm(p.lastName)
    if (!first) {
      out.set(key, last)
      continue
    }
    const low = first.toLowerCase()
    const others = [...bySurname.get(last.toLowerCase())!].filter((f) => f !== low)
    let k = 1
    while (k < first.length && others.some((o) => o.startsWith(first.slice(0, k).toLowerCase()))) k++
    out.set(key, k >= first.length ? `${last} ${first}`.trim() : `${last} ${first.slice(0, k)}.`.trim())
  }
  return out
}

export const nameKey = (p: PersonName) => `${norm(p.lastName).toLowerCase()}|${norm(p.firstName).toLowerCase()}`

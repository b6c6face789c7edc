import { describe, expect, it } from 'vitest'
import { nameKey, shortNames } from '../../../../shared/agenda/short-name'

const p = (lastName: string, firstName: string) => ({ lastName, firstName })
const short = (list: ReturnType<typeof p>[]) => {
  const m = shortNames(list)
  return list.map((x) => m.get(nameKey(x)))
}

describe('short names', () => {
  it('surname and first initial when that is enough', () => {
    expect(short([p('Rossi', 'Mario'), p('Bianchi', 'Mario'), p('Della Rocca', 'Carla')])).toEqual([
      'Rossi M.',
      'Bianchi M.',
      'Della Rocca C.',
    ])
  })
  it('as many letters as keep two patients of the same surname apart', () => {
    expect(
      short([p('Rossi', 'Mario'), p('Rossi', 'Michele'), p('Rossi', 'Luca'), p('Della Rocca', 'Carla'), p('Della Rocca', 'Simone')]),
    ).toEqual(['Rossi Ma.', 'Rossi Mi.', 'Rossi L.', 'Della Rocca C.', 'Della Rocca S.'])
    expect(short([p('Conti', 'Anna'), p('Conti', 'Annalisa')])).toEqual(['Conti Anna', 'Conti Annal.'])
  })
  it('the same person twice is one name; no first name is the surname alone', () => {
    expect(short([p('Rossi', 'Mario'), p('rossi', ' Mario '), p('Verdi', '')])).toEqual(['Rossi M.', 'Rossi M.', 'Verdi'])
  })
})

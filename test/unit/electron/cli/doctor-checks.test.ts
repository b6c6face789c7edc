import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { doctorChecks, doctorReason, runDoctorChecks } from '../../../../electron/cli/doctor-checks'
import { AlfaDocsClient } from '../../../../electron/main/alfadocs/client'
import { startSandbox, type Sandbox } from '../../../../electron/sandbox'
import { diagnosticsText } from '../../../../electron/main/menu'

// The doctor's lines in the menu's language, against the sandbox over real HTTP: Aiuto → Diagnostica reads in
// Italian on an Italian desk, `npm run doctor` stays English.

const TODAY = '2026-03-10'
let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, apiKey: 'doctor-key', today: TODAY, quiet: true })
})
afterAll(() => sb?.close())

const client = (apiKey = 'doctor-key') => new AlfaDocsClient({ baseUrl: sb.baseUrl, auth: { apiKey }, retryBaseMs: 20 })
const run = (language: 'it' | 'en', apiKey?: string) =>
  runDoctorChecks(doctorChecks(client(apiKey), TODAY, language), (e) => doctorReason(e, language))

describe('doctor checks in the menu language', () => {
  it('Italian: names and findings in Italian words, the date day first', async () => {
    const lines = await run('it')
    expect(lines.map((l) => l.name)).toEqual(['studio', 'poltrone', 'colori', 'operatori', 'appuntamenti del 10/03/2026'])
    expect(lines.every((l) => l.ok)).toBe(true)
    const { detail } = diagnosticsText('it', lines)
    expect(detail).toMatch(new RegExp(`^✓ studio: ${sb.state.practice.practiceName} — practiceId ${sb.practiceId}`, 'm'))
    expect(detail).toMatch(/^✓ poltrone: \d+ in uso, \d+ eliminate$/m)
    expect(detail).toMatch(/^✓ operatori: \d+ attivi: /m)
    expect(detail).not.toMatch(/\b(practice|chairs|in use|deleted|active|appointments|no name)\b/)
  })

  it('English (the CLI default) keeps the CLI words', async () => {
    const en = await runDoctorChecks(doctorChecks(client(), TODAY), (e) => doctorReason(e, 'en'))
    expect(en.map((l) => l.name)).toEqual(['/me', 'chairs', 'colors', 'operators', `appointments ${TODAY}`])
    expect(en[1]!.text).toMatch(/^\d+ in use, \d+ deleted$/)
  })

  it('a refused key stops at the first check, worded in each language', async () => {
    const italian = await run('it', 'wrong-key')
    expect(italian).toHaveLength(1)
    expect(italian[0]).toMatchObject({ name: 'studio', ok: false })
    expect(italian[0]!.text).toMatch(/^La chiave API è stata rifiutata \(HTTP 401\)/)
    const en = await run('en', 'wrong-key')
    expect(en[0]!.text).toMatch(/^The API key was refused/)
  })
})

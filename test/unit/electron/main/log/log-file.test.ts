import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LOG_FILE, LogFile, routeConsole } from '../../../../../electron/main/log/log-file'
import { redactLog } from '../../../../../electron/main/log/redact-log'
import { freshTempFile } from '../../../../support/temp-file'

describe('the log redaction', () => {
  it('hides the API key (as sent, URL-encoded, JSON-escaped), bearer tokens and patient identifiers', () => {
    const key = 'sk_live/abc+123"xyz'
    const line = [
      `GET https://x/api?key=${encodeURIComponent(key)} failed, body {"k":${JSON.stringify(key)}} raw ${key}`,
      'Authorization: Bearer eyJhbGciOi.J9x-_',
      'patient RSSMRA85T10A562S mario.rossi@example.it +39 333 123 4567',
      'PATCH /patients/48213 {"patientId":48213,"apiKey":"zzz-secret"}',
      `refused {"firstName":"Mario","lastName":"D'Angelo \\"Jr\\"","address":"Via Emilia 12","notes":"allergico"} and { lastName: "Bianchi" }`,
    ].join('\n')
    const out = redactLog(line, [key])
    for (const leak of [
      key,
      encodeURIComponent(key),
      'eyJhbGciOi',
      'RSSMRA85T10A562S',
      'mario.rossi',
      '333 123 4567',
      '48213',
      'zzz-secret',
      'Mario',
      "D'Angelo",
      'Jr',
      'Via Emilia',
      'allergico',
      'Bianchi',
    ])
      expect(out, leak).not.toContain(leak)
    expect(out).toContain('/patients/***')
    expect(out).toContain('[codice fiscale]')
    expect(out).toContain('[email]')
    expect(out).toContain('"firstName":"***"')
  })

  it('leaves times, dates, versions and counts alone', () => {
    const line = '2026-03-11T08:00:00.000Z update 1.2.3 downloaded; 42 appointments, 500 ms'
    expect(redactLog(line)).toBe(line)
  })
})

describe('the log file', () => {
  it('rotates at its size cap and keeps only the last few files', async () => {
    const { dir } = await freshTempFile('sportello-log-', LOG_FILE)
    const log = new LogFile({ dir, maxBytes: 200, keep: 2, now: () => new Date('2026-03-11T08:00:00Z') })
    for (let i = 0; i < 20; i++) log.write('info', `line ${i} ${'x'.repeat(40)}`)
    const files = log.files()
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`])
    for (const f of files) expect(readFileSync(f).length).toBeLessThanOrEqual(200)
    expect(readFileSync(files[0]!, 'utf8')).toContain('line 19')
    expect(files.map((f) => readFileSync(f, 'utf8')).join('')).not.toContain('line 0 ')
  })

  it("takes main's console.warn and console.error, redacted, and still prints them", async () => {
    const { dir, file } = await freshTempFile('sportello-log-', LOG_FILE)
    const log = new LogFile({ dir, secrets: () => ['the-api-key-123'] })
    const printed: unknown[][] = []
    const fake = { warn: (...a: unknown[]) => printed.push(a), error: (...a: unknown[]) => printed.push(a) }
    const undo = routeConsole(log, fake)
    fake.warn('[sportello] retry with', 'the-api-key-123')
    fake.error(new Error('boom for patient 12@x.it'))
    undo()
    fake.warn('not logged')
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/WARN \[sportello\] retry with \*\*\*/)
    expect(text).toMatch(/ERROR Error: boom for patient \[email\]/)
    expect(text).not.toContain('the-api-key-123')
    expect(text).not.toContain('not logged')
    expect(printed).toHaveLength(3)
  })
})

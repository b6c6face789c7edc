import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/sandbox'

// The headless commands as IT support runs them: a real process, real HTTP to the sandbox.

const tsx = resolve('node_modules/.bin/tsx')
const TODAY = '2026-03-10'

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(tsx, [script, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
      done({ code, stdout, stderr })
    })
  })
}

describe('npm run doctor / day-sheet against the sandbox', () => {
  let sb: Sandbox
  let env: Record<string, string>
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, apiKey: 'cli-key', today: TODAY, quiet: true })
    env = { ALFADOCS_BASE_URL: sb.baseUrl, ALFADOCS_API_KEY: 'cli-key' }
  })
  afterAll(() => sb?.close())

  it('day-sheet --json prints exactly the day sheet, per chair, in time order', async () => {
    const { code, stdout } = await run('electron/cli/day-sheet.ts', ['--date', TODAY, '--json'], env)
    expect(code).toBe(0)
    const sheet = JSON.parse(stdout) // nothing but JSON on stdout
    expect(Object.keys(sheet)).toEqual(['date', 'chairs'])
    expect(sheet.date).toBe(TODAY)

    const ofDay = sb.state.appointments.filter((a) => a.date.startsWith(TODAY))
    const listed = sheet.chairs.flatMap((c: any) => c.appointments.map((a: any) => ({ ...a, chairId: c.id })))
    expect(listed).toHaveLength(ofDay.length)
    for (const a of ofDay) {
      const row = listed.find((r: any) => r.id === a.id)
      expect(row, `appointment ${a.id}`).toBeDefined()
      expect(row.chairId).toBe(a.chairId ?? 0)
      expect(row.state).toBe(a.state)
      expect(row.start).toBe(a.allDay === true || a.allDay === 'true' ? '00:00' : a.date.slice(11, 16))
      const p = sb.state.patients.find((x) => x.id === a.patientId)
      expect(row.patient).toBe(p ? `${p.lastName} ${p.firstName}` : null)
      expect(row.blocked).toBe(a.patientId == null)
      expect(Object.keys(row)).toEqual(['id', 'start', 'end', 'patient', 'operator', 'state', 'description', 'blocked', 'chairId'])
    }
    for (const c of sheet.chairs) {
      const starts = c.appointments.map((a: any) => a.start)
      expect(starts).toEqual([...starts].sort())
      const chair = sb.state.chairs.find((x) => x.id === c.id)
      if (chair?.deleted) expect(c.appointments.length).toBeGreaterThan(0)
    }
    const deletedEmpty = sb.state.chairs.filter((c) => c.deleted && !ofDay.some((a) => a.chairId === c.id))
    for (const c of deletedEmpty) expect(sheet.chairs.some((x: any) => x.id === c.id)).toBe(false)
  })

  it('day-sheet as text names the practice and each chair', async () => {
    const { code, stdout } = await run('electron/cli/day-sheet.ts', ['--date', TODAY], env)
    expect(code).toBe(0)
    expect(stdout).toContain(`${sb.state.practice.practiceName} — Foglio del giorno ${TODAY}`)
    for (const c of sb.state.chairs.filter((c) => !c.deleted)) expect(stdout).toContain(`== ${c.name} (`)
  })

  it('day-sheet refuses a date that is not one', async () => {
    const { code, stderr } = await run('electron/cli/day-sheet.ts', ['--date', '2026-02-30'], env)
    expect(code).toBe(2)
    expect(stderr).toMatch(/YYYY-MM-DD/)
  })

  it('doctor reports what it found and exits 0', async () => {
    const { code, stdout } = await run('electron/cli/doctor.ts', [], env)
    expect(code).toBe(0)
    expect(stdout).toContain(`practiceId ${sb.practiceId}, archiveId ${sb.archiveId}`)
    expect(stdout).toMatch(/✓ chairs: \d+ in use/)
    expect(stdout).toMatch(/✓ appointments \d{4}-\d{2}-\d{2}: \d+/)
  })

  it('doctor exits non-zero with a clear reason: bad key, unreachable, rate limited, not configured', async () => {
    const bad = await run('electron/cli/doctor.ts', [], { ...env, ALFADOCS_API_KEY: 'wrong' })
    expect(bad.code).toBe(3)
    expect(bad.stderr).toMatch(/API key was refused/)

    const down = await run('electron/cli/doctor.ts', [], { ...env, ALFADOCS_BASE_URL: 'http://127.0.0.1:1/api/v1' })
    expect(down.code).toBe(4)
    expect(down.stderr).toMatch(/could not be reached/)

    sb.faults.failNext('chairsList', 50, { status: 429, retryAfterSec: 0 })
    const limited = await run('electron/cli/doctor.ts', [], env)
    sb.faults.clear()
    expect(limited.code).toBe(5)
    expect(limited.stdout).toContain('✓ /me')
    expect(limited.stderr).toMatch(/rate limiting/)

    const insecure = await run('electron/cli/doctor.ts', [], { ...env, ALFADOCS_BASE_URL: 'http://alfadocs.example.com/api/v1' })
    expect(insecure.code).toBe(2)
    expect(insecure.stderr).toMatch(/https/)
  })
})

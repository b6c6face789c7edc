import { describe, expect, it } from 'vitest'
import { appointmentStates } from '../../../../../../shared/alfadocs/schemas'
import { i18n } from '../../../../../../renderer/src/i18n'
import { appointmentStateLabel } from '../../../../../../renderer/src/features/patients/format'

// The patient page's appointments name their state in words, the agenda's words, never the raw code.

describe("a patient's appointment state label", () => {
  it('is the Italian word of every state, and the English one in English', () => {
    const g = i18n.global
    g.locale.value = 'it'
    expect(appointmentStateLabel('in_care', g)).toBe('In poltrona')
    expect(appointmentStateLabel('absent', g)).toBe('Assente')
    for (const s of appointmentStates) expect(appointmentStateLabel(s, g)).not.toBe(s)
    g.locale.value = 'en'
    try {
      for (const s of appointmentStates) expect(appointmentStateLabel(s, g)).toBe(g.t(`state.${s}`))
    } finally {
      g.locale.value = 'it'
    }
  })

  it('a state AlfaDocs adds later shows as it came, rather than as a missing-translation key', () => {
    expect(appointmentStateLabel('rescheduled', i18n.global)).toBe('rescheduled')
  })
})

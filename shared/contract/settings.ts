import { z } from 'zod'
import { COMPUTER_DEFAULTS, PRACTICE_DEFAULTS } from './values'
import { channel, empty } from './core'
import { customFieldName } from './patients'

const minutes = (min: number, max: number) => z.number().int().min(min).max(max)
const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => URL.canParse(u) && new URL(u).protocol === 'https:', 'expected an https:// address')

/** Choices of this computer: they stay when the desk connects to another practice. */
export const computerSettingsSchema = z.strictObject({
  /** Idle minutes before the privacy lock covers the window. */
  lockAfterMinutes: minutes(1, 240),
  /** System notifications (arrivals from other desks, unfinished payments). */
  notifications: z.boolean(),
  /** The update feed the practice's IT set (electron-updater's generic provider); null: no updates. */
  updateFeedUrl: httpsUrl.nullable(),
  /** Show a notice when another desk marks a patient arrived. */
  arrivalsNotice: z.boolean(),
  /** The documents tab draws its thumbnails large (128 px instead of 64). */
  largeThumbnails: z.boolean(),
})

/** Choices of the connected practice, kept per practice on this computer. */
export const practiceSettingsSchema = z.strictObject({
  /** Minutes after the start when a patient not arrived is "in ritardo". */
  lateAfterMinutes: minutes(1, 120),
  /** Patient custom fields (technical names) shown as alerts: allergies, anticoagulants, notes. */
  alertFields: z.array(customFieldName).max(20),
  /** The checkbox custom field meaning "wants an earlier appointment" (the Anticipi list). */
  asapField: customFieldName.nullable(),
  /** How far back the Da richiamare list looks. */
  followUpDays: minutes(1, 90),
  /** The practice as the courtesy receipt names it (AlfaDocs has no endpoint for it). */
  practiceName: z.string().trim().max(200),
  practiceAddress: z.string().trim().max(400),
})

export const deskSettingsSchema = z.strictObject({ ...computerSettingsSchema.shape, ...practiceSettingsSchema.shape })
export type ComputerSettings = z.infer<typeof computerSettingsSchema>
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>
export type DeskSettings = z.infer<typeof deskSettingsSchema>

export { COMPUTER_DEFAULTS, PRACTICE_DEFAULTS }
export const computerSettingKeys = Object.keys(COMPUTER_DEFAULTS) as Array<keyof ComputerSettings>

export const settingsChannels = {
  /** This desk's settings: the computer's, and the connected practice's (defaults when not connected). */
  settingsGet: channel(empty, deskSettingsSchema),
  /** Changes some settings; answers them all as now on disk. Practice settings need a connected practice. */
  settingsUpdate: channel(deskSettingsSchema.partial().strict(), deskSettingsSchema),
}

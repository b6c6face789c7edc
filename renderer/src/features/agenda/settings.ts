import { reactive, watch } from 'vue'

// The desk's own choices for the agenda, remembered on this computer.

export interface AgendaSettings {
  startMin: number
  endMin: number
  /** rows per 15 minutes: 1–3 */
  zoom: number
  /** saved choice of chairs to show (empty = all) */
  chairIds: number[]
  operatorId: number | null
  privacy: boolean
  waitWarnMinutes: number
  /** 'fit': every column on screen, blocks shorten their text; 'comfortable': wide columns, sideways scroll */
  columns: 'fit' | 'comfortable'
}

const KEY = 'sportello.agenda.settings'
export const ROW_PX = 22
/** Pixels per 15 minutes at zoom 1–3: a quarter hour is never shorter than a 24 px click target. */
const ZOOM_PX = [26, 2 * ROW_PX, 3 * ROW_PX] as const

const defaults: AgendaSettings = {
  startMin: 8 * 60,
  endMin: 20 * 60,
  zoom: 2,
  chairIds: [],
  operatorId: null,
  privacy: false,
  waitWarnMinutes: 15,
  columns: 'fit',
}

function read(): AgendaSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<AgendaSettings>
    const s = { ...defaults, ...raw }
    if (!(s.startMin >= 0 && s.endMin <= 1440 && s.startMin < s.endMin))
      Object.assign(s, { startMin: defaults.startMin, endMin: defaults.endMin })
    s.zoom = Math.min(3, Math.max(1, Math.round(s.zoom) || 2))
    if (!Array.isArray(s.chairIds)) s.chairIds = []
    if (s.columns !== 'fit' && s.columns !== 'comfortable') s.columns = defaults.columns
    return s
  } catch {
    return { ...defaults }
  }
}

export const settings = reactive<AgendaSettings>(read())

watch(settings, (s) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(s))
  } catch {
    // storage unavailable: the choice lasts for this session
  }
})

export const pxPer15 = () => ZOOM_PX[settings.zoom - 1] ?? ZOOM_PX[1]

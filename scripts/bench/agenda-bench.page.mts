// Bench page (built by scripts/bench-agenda.ts with vite); .mts so the node typecheck (no DOM, no .vue) leaves it alone.
/* eslint-disable vue/one-component-per-file -- the two grids compared are mounted in turns from this one page */
import { createApp, defineComponent, h, nextTick, type App } from 'vue'
import VueCal from 'vue-cal'
import 'vue-cal/dist/vuecal.css'
import type { Appointment, Chair, Color, Operator, Patient } from '../../shared/alfadocs/schemas'
import { layoutDay } from '../../shared/agenda/layout'
import { hhmm, parseWall } from '../../shared/dates'
import AgendaGrid from '../../renderer/src/features/agenda/AgendaGrid.vue'

// The same day rendered by our grid and by vue-cal (day view, chairs as split days), mounted and
// unmounted in turns; each sample is mount + Vue's next tick + a forced style/layout, in ms.

interface BenchData {
  day: string
  chairs: Chair[]
  colors: Color[]
  operators: Operator[]
  appointments: Appointment[]
  patients: Patient[]
}

const PX15 = 44
const labels = {
  allDay: 'Tutto il giorno',
  outside: 'Fuori orario',
  loading: 'Caricamento…',
  noPatient: 'Nessun paziente',
  unknownPatient: (id: number) => `Paziente n. ${id}`,
  state: (s: string) => s,
  nextStateTitle: (s: string) => s,
  telehealth: 'Televisita',
  queued: 'Da inviare',
}

/** The lookups both grids need, built in each one's setup so that each sample pays for its own. */
const lookups = (d: BenchData) => ({
  colors: new Map(d.colors.map((c) => [c.id, c])),
  operators: new Map(d.operators.map((o) => [o.id, o])),
  patients: new Map(d.patients.map((p) => [p.id, p])),
})

function ours(d: BenchData) {
  return defineComponent({
    setup() {
      const { colors, operators, patients } = lookups(d)
      const appts = new Map(d.appointments.map((a) => [a.id, a]))
      const layout = layoutDay(d.chairs, d.appointments, { day: d.day, startMin: 480, endMin: 1200, pxPer15: PX15 }, 'Senza poltrona')
      const headers = layout.columns.map((c) => ({ key: c.key, label: c.name }))
      return () =>
        h(AgendaGrid, {
          layout,
          headers,
          appointments: appts,
          colors,
          operators,
          patients,
          startMin: 480,
          endMin: 1200,
          pxPer15: PX15,
          nowMin: 600,
          labels,
          interactive: true,
        })
    },
  })
}

function vuecal(d: BenchData) {
  return defineComponent({
    setup() {
      const { colors, operators, patients } = lookups(d)
      const live = d.chairs.filter((c) => !c.deleted)
      const splitDays = live.map((c) => ({ id: c.id, label: c.name }))
      const events = d.appointments
        .filter((a) => !a.allDay)
        .map((a) => {
          const w = parseWall(a.date)!
          const p = a.patientId != null ? patients.get(a.patientId) : undefined
          const c = a.colorId != null ? colors.get(a.colorId) : undefined
          return {
            start: `${w.date} ${hhmm(w.minutes)}`,
            end: `${w.date} ${hhmm(w.minutes + a.duration)}`,
            title: p ? `${p.lastName} ${p.firstName}` : a.description,
            content: `${a.description} · ${a.operatorId != null ? (operators.get(a.operatorId)?.name ?? '') : ''} · ${a.state}`,
            split: a.chairId ?? live[0]!.id,
            class: `c${c?.id ?? 0}`,
          }
        })
      // Event colors as classes, as vue-cal expects.
      const style = d.colors.map((c) => `.vuecal__event.c${c.id}{background:#${c.backgroundColor};color:#${c.textColor}}`).join('')
      return () => [
        h('style', style),
        h(VueCal as never, {
          selectedDate: d.day,
          activeView: 'day',
          disableViews: ['years', 'year', 'month', 'week'],
          hideViewSelector: true,
          splitDays,
          stickySplitLabels: true,
          timeFrom: 480,
          timeTo: 1200,
          timeStep: 15,
          timeCellHeight: PX15,
          events,
          style: 'height: 860px',
        }),
      ]
    },
  })
}

async function sample(make: () => ReturnType<typeof defineComponent>): Promise<{ ms: number; blocks: number }> {
  const stage = document.getElementById('stage')!
  const el = document.createElement('div')
  el.style.height = '860px'
  stage.appendChild(el)
  const t0 = performance.now()
  const app: App = createApp(make())
  app.mount(el)
  await nextTick()
  void el.getBoundingClientRect()
  void document.body.offsetHeight
  const ms = performance.now() - t0
  const blocks = el.querySelectorAll('.blk, .vuecal__event').length
  app.unmount()
  el.remove()
  await new Promise((r) => setTimeout(r, 30))
  return { ms, blocks }
}

declare global {
  interface Window {
    __bench: (d: BenchData, rounds: number) => Promise<{ ours: number[]; vuecal: number[]; oursBlocks: number; vuecalBlocks: number }>
  }
}

window.__bench = async (d, rounds) => {
  const out = { ours: [] as number[], vuecal: [] as number[], oursBlocks: 0, vuecalBlocks: 0 }
  for (let i = 0; i < rounds + 2; i++) {
    // Alternate the order so neither gets a warmer JIT or a cooler GC on average; the first two rounds warm up.
    const first = i % 2 === 0
    const a = first ? await sample(() => ours(d)) : await sample(() => vuecal(d))
    const b = first ? await sample(() => vuecal(d)) : await sample(() => ours(d))
    const [o, v] = first ? [a, b] : [b, a]
    if (i >= 2) {
      out.ours.push(o.ms)
      out.vuecal.push(v.ms)
    }
    out.oursBlocks = o.blocks
    out.vuecalBlocks = v.blocks
  }
  return out
}

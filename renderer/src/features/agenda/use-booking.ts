import { ref, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import type { Appointment, FreeSlot } from '../../../../shared/alfadocs/schemas'
import type { DayLayout } from '../../../../shared/agenda/layout'
import type { ErrorData } from '../../../../shared/contract'
import type { AppointmentChanges } from '../../../../shared/contract/agenda'
import { parseHhmm } from '../../../../shared/agenda/time'
import { hhmm, parseWall, type IsoDate } from '../../../../shared/dates'
import { toApiError } from '../../api'
import { shortDate } from '../../lib/format'
import { carePlanBillsLink } from '../billing'
import { firstFreeChair } from './free-chair'
import { settings } from './settings'
import { useAgendaStore } from './store'
import type { BookingDraft, BookingSubmit } from './types'
import type { WeekTarget } from './use-agenda-range'
import type { useEdits } from './use-edits'
import { useToast } from '../../lib/toast'

type Edits = Pick<ReturnType<typeof useEdits>, 'sendUpdate' | 'setState' | 'confirm'>

/**
 * The booking dialog's flow: a new appointment (from an empty cell, a free slot, the patient page's "book"
 * link or the next quarter hour) or an edit of a shown one; saving creates the patient first when new.
 */
export function useBooking(
  view: {
    layout: Ref<DayLayout>
    date: Ref<IsoDate>
    days: Ref<IsoDate[]>
    week: Ref<WeekTarget | null>
    nowMin: Ref<number | null>
    goTo: (d: IsoDate | null) => void
  },
  edits: Edits,
) {
  const { t } = useI18n()
  const toast = useToast()
  const route = useRoute()
  const router = useRouter()
  const store = useAgendaStore()

  const draft = ref<BookingDraft | null>(null)
  const show = ref(false)
  const busy = ref(false)
  const error = shallowRef<ErrorData | null>(null)
  const lastColor = ref<number | null>(null)
  /** The block just booked (or asked for from the waiting room): outlined until the desk books or opens another. */
  const highlight = ref<number | null>(null)

  /** The first chair free at the draft's time among the appointments shown (a chosen chair stays). */
  function withChair(d: BookingDraft): BookingDraft {
    if (d.chairId != null) return d
    const start = parseHhmm(d.time) ?? 0
    return { ...d, chairId: firstFreeChair(store.chairs, store.appointments, { day: d.date, start, end: start + d.duration }) }
  }

  function newDraft(over: Partial<BookingDraft>): BookingDraft {
    return withChair({
      id: null,
      date: view.date.value,
      time: '09:00',
      duration: 30,
      chairId: null,
      operatorId: settings.operatorId,
      colorId: lastColor.value ?? store.colorsList[0]?.id ?? null,
      patientId: null,
      description: '',
      type: 'inPractice',
      emailReminder: false,
      smsReminder: true,
      chosen: false,
      ...over,
    })
  }
  function open(d: BookingDraft) {
    draft.value = d
    error.value = null
    show.value = true
  }
  /** A new appointment from the next quarter hour (today) or the start of the day. */
  const bookNext = (over: Partial<BookingDraft> = {}) =>
    open(newDraft({ time: hhmm(Math.max(settings.startMin, Math.ceil((view.nowMin.value ?? settings.startMin) / 15) * 15)), ...over }))

  // The patient page's "Book appointment" arrives as ?bookPatient=ID: once the chairs are known, open the
  // dialog with that patient, and drop the query so a reload or Back does not open it again.
  watch(
    () => [route.query.bookPatient, store.chairs.length > 0 || !!store.error] as const,
    async ([q, ready]) => {
      const id = typeof q === 'string' && /^\d+$/.test(q) ? Number(q) : null
      if (q === undefined || !ready) return
      const { bookPatient: _, ...rest } = route.query
      void router.replace({ query: rest })
      if (id == null) return
      // Unread, the dialog still books by id; the field shows "#id" until the desk picks someone else.
      await store.ensurePatient(id).catch(() => undefined)
      bookNext({ patientId: id })
    },
    { immediate: true },
  )

  function onCreate(p: { column: number; start: number; end: number }) {
    const over: Partial<BookingDraft> = { time: hhmm(p.start), duration: p.end - p.start, chosen: true }
    const w = view.week.value
    if (w) {
      over.date = view.days.value[p.column]!
      if (w.kind === 'chair') over.chairId = w.id
      else over.operatorId = w.id
    } else {
      const col = view.layout.value.columns[p.column]
      if (col?.chairId != null) over.chairId = col.chairId
    }
    open(newDraft(over))
  }
  function openEdit(id: number) {
    const a = store.byId.get(id)
    const w = a ? parseWall(a.date) : null
    if (!a || !w || id < 0) return
    open({
      id: a.id,
      date: w.date,
      time: hhmm(w.minutes),
      duration: a.duration,
      chairId: a.chairId,
      operatorId: a.operatorId,
      colorId: a.colorId,
      patientId: a.patientId,
      description: a.description,
      type: a.type === 'telehealth' ? 'telehealth' : 'inPractice',
      emailReminder: a.emailReminder,
      smsReminder: a.smsReminder,
      chosen: true,
    })
  }
  /** A free slot chosen in the finder; `keep`: the booking being made when the desk opened the finder (its patient, reason). */
  function onSlot(slot: FreeSlot, duration: number, keep?: BookingDraft | null) {
    const m = /^(\d{2}):(\d{2})/.exec(slot.time)
    const base =
      keep && keep.id == null ? { patientId: keep.patientId, description: keep.description, colorId: keep.colorId, type: keep.type } : {}
    open(
      newDraft({
        ...base,
        date: slot.date,
        time: m ? `${m[1]}:${m[2]}` : '09:00',
        duration,
        chairId: slot.chairId ?? null,
        operatorId: slot.operatorId ?? null,
        chosen: true,
      }),
    )
  }

  async function submit(s: BookingSubmit) {
    busy.value = true
    error.value = null
    try {
      const d = s.draft
      const patientId = s.newPatient ? (await store.createPatient(s.newPatient)).id : d.patientId
      const fields = {
        date: `${d.date} ${d.time}:00`,
        duration: d.duration,
        chairId: d.chairId,
        operatorId: d.operatorId,
        colorId: d.colorId!,
        patientId,
        description: d.description,
        type: d.type,
        emailReminder: d.emailReminder,
        smsReminder: d.smsReminder,
      }
      lastColor.value = d.colorId
      if (d.id == null) {
        show.value = false
        const created = await store.create(fields)
        highlight.value = created.id
        // Booked on a day not on screen: the agenda goes there (the block outlined).
        if (!view.days.value.includes(d.date)) {
          view.goTo(d.date)
          toast.success(() => t('agenda.flow.bookedOn', { date: shortDate(d.date) }))
        } else toast.success(() => t(patientId == null ? 'agenda.booking.blockCreated' : 'agenda.booking.created'))
        return
      }
      const a = store.byId.get(d.id)
      const changes: AppointmentChanges = {}
      if (a) {
        for (const [k, v] of Object.entries(fields)) {
          const same = (a as Record<string, unknown>)[k] === v || (k === 'date' && a.date.slice(0, 16) === String(v).slice(0, 16))
          if (!same) (changes as Record<string, unknown>)[k] = v
        }
      }
      show.value = false
      if (Object.keys(changes).length > 0 && (await edits.sendUpdate(d.id, changes, false))) toast.success(() => t('agenda.booking.saved'))
    } catch (e) {
      show.value = true
      error.value = toApiError(e).toData()
    } finally {
      busy.value = false
    }
  }

  async function cancelAppointment(id: number) {
    const ok = await edits.confirm({
      title: t('agenda.booking.cancelAppointment'),
      lines: [t('agenda.booking.cancelConfirm')],
      yes: t('agenda.booking.cancelAppointment'),
      no: t('agenda.booking.close'),
      test: 'cancel',
    })
    if (!ok) return
    show.value = false
    await edits.setState(id, 'cancelled')
  }

  /** The agenda's copy of an appointment, else the one the desk saw in the menu or card it acted from. */
  const seen = (id: number, shown?: Appointment | null) => store.byId.get(id) ?? shown ?? null
  // Neither is known (or it names no one): said, not a click that does nothing.
  const notFound = () => void toast.warning(() => t('agenda.flow.appointmentGone'))

  /** An appointment's bills: its care plan's when it has one, otherwise the patient's page on the bills tab. */
  function openBills(id: number, shown?: Appointment | null) {
    const a = seen(id, shown)
    if (!a || (a.carePlanId == null && a.patientId == null)) return notFound()
    show.value = false
    if (a.carePlanId != null) void router.push(carePlanBillsLink(a.carePlanId))
    else void router.push({ name: 'patient', params: { id: String(a.patientId) }, query: { tab: 'bills' } })
  }

  /** The patient's page of an appointment (from the menu, the hover card, the edit dialog). */
  function openPatient(id: number, shown?: Appointment | null) {
    const a = seen(id, shown)
    if (a?.patientId == null) return notFound()
    show.value = false
    void router.push({ name: 'patient', params: { id: String(a.patientId) } })
  }

  return { draft, show, busy, error, highlight, bookNext, onCreate, openEdit, onSlot, submit, cancelAppointment, openBills, openPatient }
}

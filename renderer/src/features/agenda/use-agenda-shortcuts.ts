import { onBeforeUnmount, onMounted } from 'vue'

export interface AgendaKeys {
  palette(): void
  undo(): void
  step(n: number): void
  today(): void
  /** A dialog of the agenda (or any naive-ui dialog) is open: the day's keys stay with it. */
  busy(): boolean
}

const typingIn = (t: EventTarget | null) => {
  const el = t as HTMLElement | null
  return el?.tagName === 'INPUT' || el?.tagName === 'TEXTAREA' || !!el?.isContentEditable
}

/** The agenda's keys: Ctrl+K the palette (anywhere), Ctrl+Z undo, ←/→ the day, T today. */
export function agendaKey(e: KeyboardEvent, keys: AgendaKeys): void {
  const mod = e.ctrlKey || e.metaKey
  if (mod && e.key.toLowerCase() === 'k') {
    e.preventDefault()
    keys.palette()
    return
  }
  if (typingIn(e.target) || keys.busy()) return
  if (mod && e.key.toLowerCase() === 'z') {
    e.preventDefault()
    keys.undo()
  } else if (mod || e.altKey) return
  else if (e.key === 'ArrowLeft') keys.step(-1)
  else if (e.key === 'ArrowRight') keys.step(1)
  else if (e.key === 't' || e.key === 'T') keys.today()
}

export function useAgendaShortcuts(keys: AgendaKeys): void {
  const onKey = (e: KeyboardEvent) => agendaKey(e, keys)
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}

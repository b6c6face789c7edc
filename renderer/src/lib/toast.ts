import { useMessage, type MessageOptions, type MessageReactive } from 'naive-ui'

// A toast's words are read each time it draws, not once when it opens: switching the language rewrites the
// toasts on screen too (a payment that stopped must not keep saying so in the other language). A toast under
// the pointer stays while it is read; warnings and errors stay long enough to read and can be closed.
export type Words = () => string
type Say = (words: Words, options?: MessageOptions) => MessageReactive

const READ = { keepAliveOnHover: true }
const LASTING = { ...READ, duration: 8000, closable: true }

export function useToast(): { info: Say; success: Say; warning: Say; error: Say } {
  const m = useMessage()
  return {
    info: (w, o) => m.info(w, { ...READ, ...o }),
    success: (w, o) => m.success(w, { ...READ, ...o }),
    warning: (w, o) => m.warning(w, { ...LASTING, ...o }),
    error: (w, o) => m.error(w, { ...LASTING, ...o }),
  }
}

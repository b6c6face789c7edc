import { useDialog } from 'naive-ui'

export interface ConfirmOptions {
  title: string
  lines: string[]
  yes: string
  no: string
  /** names the dialog for tests: class `dlg-<test>` */
  test: string
  type?: 'warning' | 'info'
}

/** A yes/no dialog as a promise: true only for "yes"; closing it any other way is "no". */
export function useConfirm(): (opts: ConfirmOptions) => Promise<boolean> {
  const dialog = useDialog()
  return (opts) =>
    new Promise((resolve) => {
      let done = false
      const finish = (v: boolean) => {
        if (done) return
        done = true
        resolve(v)
      }
      dialog[opts.type ?? 'warning']({
        title: opts.title,
        content: () => opts.lines.join('\n'),
        positiveText: opts.yes,
        negativeText: opts.no,
        class: `dlg-${opts.test}`,
        style: 'white-space: pre-line; width: 560px',
        onPositiveClick: () => finish(true),
        onNegativeClick: () => finish(false),
        onClose: () => finish(false),
        onMaskClick: () => finish(false),
      })
    })
}

import { createLocale, dateEnGB, dateItIT, enGB, itIT, type NDateLocale, type NLocale } from 'naive-ui'

// naive-ui's own words where a component is given none of ours. Its Italian says "Nessun Dato" and "Si prega di
// inserire", its English "No Data" and "Please Input", and its date pickers type ISO dates: every empty state and
// field has its own words in the app (test/e2e/italian-only.test.ts fails on these fallbacks too); the
// fallbacks only keep a forgotten one from reading like a library.

const itWords: NLocale = createLocale(
  {
    Empty: { description: 'Niente da mostrare' },
    Input: { placeholder: '' },
    InputNumber: { placeholder: '' },
    Select: { placeholder: 'Scegli…' },
    Cascader: { placeholder: 'Scegli…' },
    DatePicker: {
      dateFormat: 'dd/MM/yyyy',
      dateTimeFormat: 'dd/MM/yyyy HH:mm',
      monthTypeFormat: 'MM/yyyy',
      weekPlaceholder: 'Scegli la settimana',
    },
    Time: { dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm' },
    Image: { tipZoomOut: 'Riduci', tipZoomIn: 'Ingrandisci', tipDownload: 'Scarica' },
  },
  itIT,
)

const enWords: NLocale = createLocale(
  {
    Empty: { description: 'Nothing to show' },
    Input: { placeholder: '' },
    InputNumber: { placeholder: '' },
    Select: { placeholder: 'Choose…' },
    Cascader: { placeholder: 'Choose…' },
    DatePicker: { dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm', monthTypeFormat: 'MM/yyyy' },
    Time: { dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm' },
  },
  enGB,
)

/** naive-ui's words and date locale for a UI language (English as in Europe, as lib/format.ts formats it). */
export const naiveLocale = (locale: string): { words: NLocale; dates: NDateLocale } =>
  locale === 'en' ? { words: enWords, dates: dateEnGB } : { words: itWords, dates: dateItIT }

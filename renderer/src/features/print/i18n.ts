// Strings of the print preview, merged under `print`; its refusals under `errors.code`. Italian first.
const it = {
  title: 'Anteprima di stampa',
  print: 'Stampa',
  save: 'Salva PDF',
  close: 'Chiudi',
  making: 'Preparazione dell’anteprima…',
  pages: '{n} pagina | {n} pagine',
  printed: 'Inviato alla stampante.',
  saved: 'PDF salvato.',
  zoomIn: 'Ingrandisci',
  zoomOut: 'Riduci',
}
const en: typeof it = {
  title: 'Print preview',
  print: 'Print',
  save: 'Save PDF',
  close: 'Close',
  making: 'Preparing the preview…',
  pages: '{n} page | {n} pages',
  printed: 'Sent to the printer.',
  saved: 'PDF saved.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
}

const errorsIt = {
  code: {
    'print-failed': 'La stampa non è riuscita: riprova; se succede ancora, riavvia Sportello.',
    'print-no-window': 'Non c’è una finestra da stampare: riprova tra un momento.',
    'print-save-failed':
      'Il PDF non è stato salvato: Sportello non riesce a scrivere in quella cartella (disco pieno, in sola lettura o senza permessi).',
    'print-not-pdf': 'Si può salvare solo il PDF dell’anteprima.',
  },
}
const errorsEn: typeof errorsIt = {
  code: {
    'print-failed': 'Printing failed: try again; if it happens again, restart Sportello.',
    'print-no-window': 'There is no window to print: try again in a moment.',
    'print-save-failed': 'The PDF was not saved: Sportello cannot write to that folder (disk full, read-only or no permission).',
    'print-not-pdf': 'Only the preview’s PDF can be saved.',
  },
}

export const printMessages = { it: { print: it, errors: errorsIt }, en: { print: en, errors: errorsEn } }

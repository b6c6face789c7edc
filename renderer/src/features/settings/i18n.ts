// Strings of the settings panel, merged under `settings`. Italian first.
const it = {
  title: 'Impostazioni',
  open: 'Impostazioni',
  cache: {
    title: 'Dati salvati su questo computer',
    intro:
      'Per lavorare anche senza rete, Sportello conserva qui i dati dello studio collegato già visti. Si cancellano quando ti scolleghi.',
    size: 'Spazio occupato',
    sizeUnknown: 'non disponibile',
    days: 'Giorni dell’agenda',
    appointments: 'Appuntamenti',
    patients: 'Pazienti',
    reads: 'Altri dati (fatture, incassi, schede, documenti)',
    loading: 'Calcolo in corso…',
    window: 'Conserva i dati degli ultimi',
    windowDays: '{n} giorni',
    windowHint: 'I dati più vecchi vengono cancellati all’avvio e ogni giorno.',
    clear: 'Svuota cache',
    clearTitle: 'Svuotare la cache?',
    clearText:
      'I dati salvati su questo computer verranno cancellati. Le schermate li richiederanno ad AlfaDocs; senza rete non saranno disponibili finché non tornerà la connessione.',
    clearConfirm: 'Svuota',
    cancel: 'Annulla',
    cleared: 'Cache svuotata',
    failed: 'Non è stato possibile leggere o svuotare la cache.',
  },
}

const en: typeof it = {
  title: 'Settings',
  open: 'Settings',
  cache: {
    title: 'Data saved on this computer',
    intro:
      'To keep working without a network, Sportello keeps here the data of the connected practice already seen. It is erased when you disconnect.',
    size: 'Space used',
    sizeUnknown: 'not available',
    days: 'Agenda days',
    appointments: 'Appointments',
    patients: 'Patients',
    reads: 'Other data (bills, takings, patient tabs, documents)',
    loading: 'Calculating…',
    window: 'Keep the data of the last',
    windowDays: '{n} days',
    windowHint: 'Older data is deleted at start and every day.',
    clear: 'Clear cache',
    clearTitle: 'Clear the cache?',
    clearText:
      'The data saved on this computer will be deleted. The screens will ask AlfaDocs for it again; without a network it will not be available until the connection returns.',
    clearConfirm: 'Clear',
    cancel: 'Cancel',
    cleared: 'Cache cleared',
    failed: 'The cache could not be read or cleared.',
  },
}

export const settingsMessages = { it: { settings: it }, en: { settings: en } }

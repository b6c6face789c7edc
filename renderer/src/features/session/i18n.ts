// The Connect screen's strings and the disconnect dialog's, and the wording of errors while connecting
// (`errors.connect.<kind>`, see describeError). Italian first; the messages test checks English has the same keys.
const it = {
  connect: {
    demoTitle: 'Provare Sportello',
    demoText: 'Uno studio di prova con pazienti e appuntamenti finti. Nessun dato reale.',
    demoButton: 'Apri lo studio demo',
    or: 'oppure',
    practiceTitle: 'Collega il mio studio',
    apiKeyLabel: 'Chiave API',
    apiKeyPlaceholder: 'Incolla qui la chiave API',
    apiKeyHint: 'La trovi in AlfaDocs: Impostazioni → Studio → Chiavi API',
    advanced: 'Avanzate',
    baseUrlLabel: 'Indirizzo del server',
    connectButton: 'Collega il mio studio',
    working: 'Collegamento in corso…',
    checking: 'Verifica della sessione…',
  },
  session: {
    disconnect: 'Disconnetti',
    disconnectTitle: 'Disconnettere lo studio?',
    disconnectText: 'La chiave API viene rimossa da questo computer e i dati salvati vengono cancellati.',
    disconnectConfirm: 'Disconnetti',
    cancel: 'Annulla',
    demoBadge: 'Demo',
    practiceFallback: 'Studio',
  },
  link: {
    offline: 'Offline {since} — {data}',
    offlineNoData: 'Offline {since}',
    authRefused: 'Chiave API rifiutata — {data}',
    authRefusedNoData: 'Chiave API rifiutata',
    authRefusedHint: 'AlfaDocs non accetta più la chiave API: disconnetti e ricollega lo studio con una chiave valida.',
    sinceTime: 'dalle {time}',
    sinceDay: 'dal {time}',
    dataTime: 'dati delle {time}',
    dataDay: 'dati del {time}',
  },
  freshness: {
    authRefused: 'Chiave API rifiutata — dati {at}',
  },
  errors: {
    connect: {
      auth: 'La chiave API non è valida. Controllala in AlfaDocs: Impostazioni → Studio → Chiavi API.',
      invalid: "L'indirizzo del server non è valido: deve iniziare con https://, per esempio https://app.alfadocs.com/api/v1",
      'not-found': "All'indirizzo indicato non risponde AlfaDocs. Controlla l'indirizzo del server.",
      offline: "Il server non è raggiungibile. Controlla la connessione a internet e l'indirizzo del server.",
    },
  },
}

const en: typeof it = {
  connect: {
    demoTitle: 'Try Sportello',
    demoText: 'A practice with made-up patients and appointments. No real data.',
    demoButton: 'Open the demo practice',
    or: 'or',
    practiceTitle: 'Connect to my practice',
    apiKeyLabel: 'API key',
    apiKeyPlaceholder: 'Paste the API key here',
    apiKeyHint: 'Find it in AlfaDocs: Impostazioni → Studio → Chiavi API (Settings → Practice → API keys)',
    advanced: 'Advanced',
    baseUrlLabel: 'Server address',
    connectButton: 'Connect to my practice',
    working: 'Connecting…',
    checking: 'Checking the session…',
  },
  session: {
    disconnect: 'Disconnect',
    disconnectTitle: 'Disconnect the practice?',
    disconnectText: 'The API key is removed from this computer and the saved data is erased.',
    disconnectConfirm: 'Disconnect',
    cancel: 'Cancel',
    demoBadge: 'Demo',
    practiceFallback: 'Practice',
  },
  link: {
    offline: 'Offline {since} — {data}',
    offlineNoData: 'Offline {since}',
    authRefused: 'API key refused — {data}',
    authRefusedNoData: 'API key refused',
    authRefusedHint: 'AlfaDocs no longer accepts the API key: disconnect and connect the practice again with a valid key.',
    sinceTime: 'since {time}',
    sinceDay: 'since {time}',
    dataTime: 'data from {time}',
    dataDay: 'data from {time}',
  },
  freshness: {
    authRefused: 'API key refused — data {at}',
  },
  errors: {
    connect: {
      auth: 'The API key is not valid. Check it in AlfaDocs: Impostazioni → Studio → Chiavi API.',
      invalid: 'The server address is not valid: it must start with https://, for example https://app.alfadocs.com/api/v1',
      'not-found': 'AlfaDocs does not answer at that address. Check the server address.',
      offline: 'The server cannot be reached. Check the internet connection and the server address.',
    },
  },
}

export const sessionMessages = { it, en }

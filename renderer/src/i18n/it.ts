// Italian: the default language; the app's own strings (features bring theirs). en.ts has the same keys
// (test/unit/renderer/src/i18n/messages.test.ts checks them, with every feature's).
import { stateLabelsIt } from '../../../shared/day-sheet'

export const it = {
  app: { name: 'Sportello', tagline: 'Lo sportello dello studio su AlfaDocs' },
  locale: { label: 'Lingua', it: 'Italiano', en: 'English' },
  shell: {
    nav: 'Navigazione principale',
    agenda: 'Agenda',
    patients: 'Pazienti',
    billing: 'Cassa',
    shortcut: '{label} (Alt+{n})',
  },
  freshness: {
    loading: 'Caricamento…',
    fresh: 'Aggiornato alle {time}',
    refreshing: 'Dati {at}; aggiornamento…',
    offline: 'Offline — dati {at}',
    offlineNoData: 'Offline — nessun dato salvato',
    stale: 'Dati {at}. {reason}',
    atTime: 'delle {time}',
    atDay: 'del {day} alle {time}',
  },
  prefetch: {
    running: 'Copia offline: {done}/{total}',
    why: 'Agenda dei prossimi giorni, i loro pazienti, i conti dell’ultimo mese e la cassa di oggi vengono salvati su questo computer',
  },
  day: {
    practiceFallback: 'Studio',
    previous: 'Giorno precedente',
    next: 'Giorno successivo',
    today: 'Oggi',
    pickDate: 'Scegli una data',
    cancel: 'Annulla',
    syncing: 'Aggiornamento…',
    syncedAt: 'Aggiornato alle {time}',
    offlineSince: 'Offline — dati del {time}',
    offlineNoData: 'Offline — nessun dato salvato per questo giorno',
    neverSynced: 'Non ancora aggiornato',
    empty: 'Nessun appuntamento in questo giorno',
    emptyChair: 'Nessun appuntamento',
    noChair: 'Senza poltrona',
    deletedChair: '{name} (eliminata)',
    count: 'nessun appuntamento | 1 appuntamento | {n} appuntamenti',
    allDay: 'Tutto il giorno',
    noPatient: 'Nessun paziente',
    loadingPatient: 'Caricamento…',
    unknownPatient: 'Paziente n. {id}',
    firstVisit: 'Prima visita',
    retry: 'Riprova',
  },
  state: stateLabelsIt,
  errors: {
    auth: 'Accesso negato: la chiave API non è valida o è stata revocata.',
    'not-found': 'Risorsa non trovata sul server.',
    invalid: 'La richiesta non è valida.',
    'rate-limited': 'Troppe richieste: riprova tra qualche secondo.',
    server: 'Il server di AlfaDocs ha un problema. Riprova più tardi.',
    offline: 'Il server non è raggiungibile. Controlla la connessione a internet.',
    timeout: 'Il server non ha risposto in tempo. Controlla la connessione e riprova.',
    'not-connected': 'Lo studio non è collegato. Collegalo di nuovo.',
    keychain: 'Non è stato possibile usare il portachiavi del computer per salvare la chiave.',
    conflict: 'I dati sono stati modificati da qualcun altro. Ricarica e riprova.',
    'bad-response': 'Il server ha risposto in un modo inatteso.',
    'too-large': 'Il server ha inviato più dati di quanti Sportello ne accetti.',
    storage: 'Sportello non riesce a scrivere i suoi file su questo computer (disco pieno o protetto). Non è stato registrato nulla.',
    'damaged-file': 'Un file di Sportello era danneggiato: è stato messo da parte e il lavoro continua.',
    internal: 'Errore interno di Sportello.',
    code: {
      'pin-wrong': 'PIN errato.',
      'pin-wait': 'Troppi tentativi con un PIN errato: attendi qualche istante e riprova.',
      'pin-exists': 'Questa postazione ha già un PIN.',
      'pin-not-needed': 'Il PIN serve solo collegati a uno studio reale.',
      'agenda-offline-write':
        'AlfaDocs non risponde: prenotazioni, spostamenti, modifiche e disdette non possono aspettare la rete e non sono state inviate. Riprova quando torna la connessione (gli arrivi e i cambi di stato invece vengono tenuti e inviati dopo).',
      'outbox-changed-elsewhere':
        'Un’altra postazione ha cambiato questo appuntamento mentre eri offline: il cambio di stato tenuto in attesa non è stato inviato.',
      'outbox-appointment-gone': 'L’appuntamento non esiste più in AlfaDocs: il cambio di stato tenuto in attesa non è stato inviato.',
      'outbox-write-failed':
        'Sportello non riesce a scrivere su questo computer la coda dei cambi di stato (disco pieno o protetto): il cambio non è stato tenuto. Riprova quando torna la connessione.',
      'outbox-read-failed': 'Sportello non riesce a leggere su questo computer la coda dei cambi di stato.',
      'key-malformed':
        'La chiave API contiene caratteri che nessuna chiave ha (un a capo, uno spazio o una lettera accentata): copiala di nuovo da AlfaDocs.',
      'range-too-long': 'Il periodo richiesto è troppo lungo: scegli al massimo due mesi di agenda o un anno di conti.',
      'journal-write-failed':
        'Pagamento non registrato: Sportello non riesce a scrivere il suo registro dei pagamenti (disco pieno, in sola lettura o senza permessi). Nulla è stato inviato ad AlfaDocs: libera spazio o controlla la cartella, poi riprova.',
      'journal-write-failed-unfinished':
        "Sportello non riesce a scrivere il suo registro dei pagamenti (disco pieno o in sola lettura): il pagamento resta in sospeso così com'era. Libera spazio, poi usa Riprova per completarlo.",
      'journal-read-failed':
        'Sportello non riesce a leggere il suo registro dei pagamenti (permessi o errore del disco): i pagamenti sono sospesi finché non torna leggibile.',
      'journal-damaged':
        "Il registro dei pagamenti era danneggiato: è stato messo da parte (conservato) e i pagamenti leggibili sono stati recuperati. Puoi continuare a incassare; avvisa l'assistenza.",
      'waiting-write-failed':
        "Sportello non riesce a salvare l'ora di arrivo in sala d'attesa (disco pieno o in sola lettura): lo stato dell'appuntamento in AlfaDocs è comunque cambiato.",
      'waiting-read-failed': "Sportello non riesce a leggere gli orari della sala d'attesa (permessi o errore del disco).",
      'settings-write-failed':
        'Impostazione non salvata: Sportello non riesce a scrivere sul disco (pieno, in sola lettura o senza permessi).',
      'settings-read-failed': 'Sportello non riesce a leggere le sue impostazioni (permessi o errore del disco).',
      'keychain-delete-failed':
        'Disconnesso, ma il portachiavi del sistema non ha eliminato la chiave API: Sportello non la userà più. Se vuoi, eliminala a mano dal portachiavi (voce «alfadocs»).',
    },
  },
}

// English: the same keys as it.ts (test/unit/renderer/src/i18n/messages.test.ts checks them).
export const en = {
  app: { name: 'Sportello', tagline: 'The front desk for your practice on AlfaDocs' },
  locale: { label: 'Language', it: 'Italiano', en: 'English' },
  shell: {
    nav: 'Main navigation',
    agenda: 'Agenda',
    patients: 'Patients',
    billing: 'Billing',
    shortcut: '{label} (Alt+{n})',
  },
  freshness: {
    loading: 'Loading…',
    fresh: 'Updated at {time}',
    refreshing: 'Data {at}; updating…',
    offline: 'Offline — data {at}',
    offlineNoData: 'Offline — no saved data',
    stale: 'Data {at}. {reason}',
    atTime: 'from {time}',
    atDay: 'from {day}, {time}',
  },
  prefetch: {
    running: 'Getting ready to work offline: {done}/{total}',
    why: 'The coming days of the agenda, their patients, the last month of bills and today’s takings are being saved on this computer',
  },
  day: {
    practiceFallback: 'Practice',
    previous: 'Previous day',
    next: 'Next day',
    today: 'Today',
    pickDate: 'Pick a date',
    cancel: 'Cancel',
    syncing: 'Updating…',
    syncedAt: 'Updated at {time}',
    offlineSince: 'Offline — data from {time}',
    offlineNoData: 'Offline — no saved data for this day',
    neverSynced: 'Not updated yet',
    empty: 'No appointments on this day',
    emptyChair: 'No appointments',
    noChair: 'No chair',
    deletedChair: '{name} (deleted)',
    count: 'no appointments | 1 appointment | {n} appointments',
    allDay: 'All day',
    noPatient: 'No patient',
    loadingPatient: 'Loading…',
    unknownPatient: 'Patient no. {id}',
    firstVisit: 'First visit',
    retry: 'Retry',
  },
  state: {
    confirmed: 'Confirmed',
    waiting: 'Waiting',
    in_care: 'In the chair',
    done: 'Done',
    absent: 'Absent',
    cancelled: 'Cancelled',
  },
  errors: {
    auth: 'Access denied: the API key is not valid or has been revoked.',
    'not-found': 'Not found on the server.',
    invalid: 'The request is not valid.',
    'rate-limited': 'Too many requests: try again in a few seconds.',
    server: 'The AlfaDocs server has a problem. Try again later.',
    offline: 'The server cannot be reached. Check the internet connection.',
    timeout: 'The server did not answer in time. Check the connection and try again.',
    'not-connected': 'The practice is not connected. Connect it again.',
    keychain: "The computer's keychain could not be used to store the key.",
    conflict: 'Someone else changed this data. Reload and try again.',
    'bad-response': 'The server answered in an unexpected way.',
    'too-large': 'The server sent more data than Sportello accepts.',
    storage: 'Sportello cannot write its files on this computer (disk full or read-only). Nothing was recorded.',
    'damaged-file': "One of Sportello's files was damaged: it was set aside and work goes on.",
    internal: 'Internal Sportello error.',
    code: {
      'agenda-offline-write':
        'AlfaDocs does not answer: bookings, moves, edits and cancellations cannot wait for the network and were not sent. Try again when the connection is back (arrivals and state changes are kept and sent later).',
      'outbox-changed-elsewhere':
        'Another desk changed this appointment while you were offline: the state change kept waiting was not sent.',
      'outbox-appointment-gone': 'The appointment no longer exists in AlfaDocs: the state change kept waiting was not sent.',
      'outbox-write-failed':
        'Sportello cannot write the queue of state changes on this computer (disk full or protected): the change was not kept. Try again when the connection is back.',
      'outbox-read-failed': 'Sportello cannot read the queue of state changes on this computer.',
      'key-malformed':
        'The API key contains characters no key has (a line break, a space or an accented letter): copy it again from AlfaDocs.',
      'range-too-long': 'The period asked for is too long: choose at most two months of agenda or a year of bills.',
      'journal-write-failed':
        'Payment not recorded: Sportello cannot write its payment journal (disk full, read-only or no permission). Nothing was sent to AlfaDocs: free some space or check the folder, then try again.',
      'journal-write-failed-unfinished':
        'Sportello cannot write its payment journal (disk full or read-only): the payment stays unfinished as it was. Free some space, then use Retry to finish it.',
      'journal-read-failed':
        'Sportello cannot read its payment journal (permissions or a disk error): payments are on hold until it can be read again.',
      'journal-damaged':
        'The payment journal was damaged: it was set aside (kept) and the readable payments were recovered. You can keep taking payments; tell support.',
      'waiting-write-failed':
        "Sportello cannot save the waiting-room arrival time (disk full or read-only): the appointment's state in AlfaDocs did change.",
      'waiting-read-failed': 'Sportello cannot read the waiting-room times (permissions or a disk error).',
      'settings-write-failed': 'Setting not saved: Sportello cannot write to the disk (full, read-only or no permission).',
      'settings-read-failed': 'Sportello cannot read its settings (permissions or a disk error).',
      'keychain-delete-failed':
        'Disconnected, but the system keychain did not delete the API key: Sportello will not use it again. If you wish, remove it by hand from the keychain (entry "alfadocs").',
    },
  },
}

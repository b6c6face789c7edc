import { redact } from '../alfadocs/errors'

// What may never reach the log file: the API key (and any secret the keychain handed out), bearer tokens,
// and whatever identifies a patient (fiscal code, e-mail, phone number, patient ids in paths and fields, names
// and addresses in dumped objects).

const PATTERNS: Array<[RegExp, string]> = [
  [/\bBearer\s+[\w.~+/=-]+/gi, 'Bearer ***'],
  // Italian codice fiscale (with the omocodia letters in the digit places).
  [/\b[A-Z]{6}[\dLMNPQRSTUV]{2}[A-EHLMPR-T][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]\b/gi, '[codice fiscale]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/(?<![\w.:-])\+?\d[\d .-]{7,}\d(?![\w.:-])/g, '[phone]'],
  [/(\/patients?\/)\d+/gi, '$1***'],
  [/("?(?:patientId|patient_id|patient)"?\s*[:=]\s*)"?\d+"?/gi, '$1***'],
  [/((?:api[_-]?key|apikey|token|password|pin)"?\s*[:=]\s*)"?[^\s",}]+"?/gi, '$1***'],
  // A patient's name, address or notes in a dumped object (a response body, a refused input): the value goes.
  [
    /("?(?:firstName|lastName|first_name|last_name|name|surname|birthPlace|address|street|city|notes?|description)"?\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    '$1"***"',
  ],
]

/** A log line without secrets or patient identifiers. `secrets` are exact values to hide (the API key…). */
export function redactLog(text: string, secrets: readonly string[] = []): string {
  let out = redact(text, secrets)
  for (const [re, to] of PATTERNS) out = out.replace(re, to)
  return out
}

// Municipalities by cadastral (Belfiore) code, the fourth part of a fiscal code: the large cities and the demo
// practice's area. A code not listed here is shown as the code itself (the desk corrects it to the town's name).
const BIRTHPLACES: Record<string, string> = {
  A662: 'Bari',
  A944: 'Bologna',
  B880: 'Casalecchio di Reno',
  C204: 'Castel Maggiore',
  C351: 'Catania',
  D548: 'Ferrara',
  D612: 'Firenze',
  D969: 'Genova',
  E289: 'Imola',
  F205: 'Milano',
  F257: 'Modena',
  F839: 'Napoli',
  G273: 'Palermo',
  H501: 'Roma',
  H945: 'San Lazzaro di Savena',
  L219: 'Torino',
  L736: 'Venezia',
  L781: 'Verona',
  M185: 'Zola Predosa',
}

/** "Bologna" for A944; the code itself for a municipality or country not listed. */
export const birthplaceName = (code: string): string => BIRTHPLACES[code] ?? code

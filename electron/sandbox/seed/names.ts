// Italian names and places for the demo practice (Bologna).

export const maleNames = [
  'Marco', 'Luca', 'Giuseppe', 'Giovanni', 'Francesco', 'Alessandro', 'Andrea', 'Matteo', 'Lorenzo', 'Davide',
  'Stefano', 'Roberto', 'Paolo', 'Antonio', 'Riccardo', 'Simone', 'Federico', 'Gabriele', 'Tommaso', 'Nicolò',
  'Michele', 'Fabio', 'Claudio', 'Massimo', 'Emanuele', 'Filippo', 'Pietro', 'Enrico', 'Daniele', 'Alberto',
  'Giacomo', 'Leonardo', 'Edoardo', 'Samuele', 'Mattia', 'Cristian', 'Vittorio', 'Ettore', 'Raffaele', 'Salvatore',
  'Gianluca', 'Maurizio', 'Sergio', 'Franco', 'Carlo', 'Luigi', 'Mario', 'Dario', 'Ivan', 'Elia',
]
export const femaleNames = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Alessia', 'Elisa', 'Federica', 'Silvia',
  'Laura', 'Anna', 'Maria', 'Elena', 'Paola', 'Roberta', 'Cristina', 'Barbara', 'Monica', 'Simona',
  'Beatrice', 'Aurora', 'Sofia', 'Giorgia', 'Ginevra', 'Alice', 'Emma', 'Noemi', 'Camilla', 'Rebecca',
  'Ilaria', 'Serena', 'Michela', 'Daniela', 'Patrizia', 'Lucia', 'Rosa', 'Teresa', 'Caterina', 'Margherita',
  'Agnese', 'Irene', 'Marta', 'Veronica', 'Arianna', 'Lucrezia', 'Benedetta', 'Gaia', 'Greta', 'Bianca',
]
export const lastNames = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', "D'Angelo", 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini',
  'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti',
  'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', "Dell'Aquila", 'Pellegrino', 'Carbone', 'Giuliani',
  'Benedetti', 'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Martino', 'Fiore',
  'Zanetti', 'Guidi', 'Malaguti', 'Tonelli', 'Zucchini', 'Bonfiglioli', 'Stagni', 'Cocchi', 'Monari', 'Gamberini',
  'Bergamini', 'Tugnoli', 'Nanni', 'Alvisi', 'Baraldi', 'Sabbatini', 'Lodi', 'Righi', 'Zanotti', 'Nicolò',
  "Sant'Elia", 'Della Rocca', 'Lo Russo', 'Mazzoni', 'Cavazza', 'Pancaldi', 'Ghedini', 'Fantuzzi', 'Scagliarini', 'Bolognesi',
]

export interface Town { city: string; province: string; postcode: string; belfiore: string }
export const residenceTowns: Town[] = [
  { city: 'Bologna', province: 'BO', postcode: '40121', belfiore: 'A944' },
  { city: 'Bologna', province: 'BO', postcode: '40123', belfiore: 'A944' },
  { city: 'Bologna', province: 'BO', postcode: '40125', belfiore: 'A944' },
  { city: 'Bologna', province: 'BO', postcode: '40127', belfiore: 'A944' },
  { city: 'Bologna', province: 'BO', postcode: '40133', belfiore: 'A944' },
  { city: 'Bologna', province: 'BO', postcode: '40137', belfiore: 'A944' },
  { city: 'Bologna', province: 'BO', postcode: '40139', belfiore: 'A944' },
  { city: 'Casalecchio di Reno', province: 'BO', postcode: '40033', belfiore: 'B880' },
  { city: 'San Lazzaro di Savena', province: 'BO', postcode: '40068', belfiore: 'H945' },
  { city: 'Castel Maggiore', province: 'BO', postcode: '40013', belfiore: 'C204' },
  { city: 'Zola Predosa', province: 'BO', postcode: '40069', belfiore: 'M185' },
  { city: 'Imola', province: 'BO', postcode: '40026', belfiore: 'E289' },
  { city: 'Modena', province: 'MO', postcode: '41121', belfiore: 'F257' },
  { city: 'Ferrara', province: 'FE', postcode: '44121', belfiore: 'D548' },
]
export const birthPlaces: Array<{ city: string; belfiore: string }> = [
  { city: 'Bologna', belfiore: 'A944' }, { city: 'Bologna', belfiore: 'A944' }, { city: 'Bologna', belfiore: 'A944' },
  { city: 'Imola', belfiore: 'E289' }, { city: 'Modena', belfiore: 'F257' }, { city: 'Ferrara', belfiore: 'D548' },
  { city: 'Ravenna', belfiore: 'H199' }, { city: "Reggio nell'Emilia", belfiore: 'H223' }, { city: 'Parma', belfiore: 'G337' },
  { city: 'Forlì', belfiore: 'D704' }, { city: 'Rimini', belfiore: 'H294' }, { city: 'Roma', belfiore: 'H501' },
  { city: 'Napoli', belfiore: 'F839' }, { city: 'Milano', belfiore: 'F205' }, { city: 'Palermo', belfiore: 'G273' },
  { city: 'Bari', belfiore: 'A662' }, { city: 'Firenze', belfiore: 'D612' }, { city: 'Piacenza', belfiore: 'G535' },
]
export const streets = [
  "Via dell'Indipendenza", 'Via Emilia Levante', 'Via Saragozza', 'Strada Maggiore', 'Via San Vitale', 'Via Mazzini',
  'Via Massarenti', 'Via Andrea Costa', 'Via Zanardi', 'Via della Barca', 'Via Murri', 'Via Toscana',
  'Via Emilia Ponente', 'Via Stalingrado', 'Via del Pratello', 'Via Castiglione', 'Via Santo Stefano', 'Via Irnerio',
  'Via Marconi', 'Via dei Mille', 'Via Porrettana', 'Via Bentini', 'Via Libia', 'Via Corticella', 'Piazza dei Martiri',
]
export const jobs = ['Impiegato', 'Insegnante', 'Studente', 'Pensionato', 'Commerciante', 'Infermiere', 'Ingegnere', 'Artigiano', 'Avvocato', 'Casalinga', '']
export const emailDomains = ['gmail.com', 'libero.it', 'hotmail.it', 'yahoo.it', 'alice.it', 'outlook.it', 'virgilio.it', 'tiscali.it']

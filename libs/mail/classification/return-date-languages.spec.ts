import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findReturnDate } from './return-date';

/** Wednesday 2 December 2026, mid-morning in Europe. */
const RECEIVED = new Date('2026-12-02T10:00:00Z');

type Case = readonly [text: string, expected: string | null];

function readsAll(zone: string, cases: readonly Case[]): void {
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} in ${zone}`, () => assert.equal(findReturnDate(text, RECEIVED, zone)?.toISOString() ?? null, expected));
  }
}

// 09:00 in Central European winter time is 08:00 UTC.
describe('findReturnDate — German', () => {
  readsAll('Europe/Berlin', [
    ['Ich bin bis zum 04.01.2027 nicht im Büro.', '2027-01-05T08:00:00.000Z'],
    ['Ab dem 5. Januar bin ich wieder im Büro.', '2027-01-05T08:00:00.000Z'],
    ['Ich bin am 5. Januar wieder erreichbar.', '2027-01-05T08:00:00.000Z'],
    ['Ich bin bis einschließlich Freitag, 18. Dezember, im Urlaub.', '2026-12-19T08:00:00.000Z'],
    ['Ich bin bis 4.1. nicht erreichbar.', '2027-01-05T08:00:00.000Z'],
    ['Zurück am Montag, 4. Januar 2027.', '2027-01-04T08:00:00.000Z'],
    ['Ich bin vom 21.12. bis 4.1. nicht im Büro.', '2027-01-05T08:00:00.000Z'],
    ['Bin bis Freitag unterwegs.', '2026-12-05T08:00:00.000Z'],
  ]);
  readsAll('Europe/Zurich', [['Ich bin ab Montag, den 4. Januar wieder erreichbar.', '2027-01-04T08:00:00.000Z']]);
  readsAll('Europe/Vienna', [['Ab dem 21. Dezember bin ich im Urlaub und ab dem 7. Januar wieder da.', '2027-01-07T08:00:00.000Z']]);
});

describe('findReturnDate — Spanish', () => {
  readsAll('Europe/Madrid', [
    ['Estaré fuera de la oficina hasta el 4 de enero.', '2027-01-05T08:00:00.000Z'],
    ['Estaré de vuelta el lunes 4 de enero.', '2027-01-04T08:00:00.000Z'],
    ['Me reincorporo el 7 de enero de 2027.', '2027-01-07T08:00:00.000Z'],
    ['Estoy de vacaciones hasta el lunes.', '2026-12-08T08:00:00.000Z'],
    ['Regreso el 04/01/2027.', '2027-01-04T08:00:00.000Z'],
    ['Estaré ausente del 21 de diciembre al 4 de enero.', '2027-01-05T08:00:00.000Z'],
    ['Estaré fuera del 21/12 al 04/01.', '2027-01-05T08:00:00.000Z'],
  ]);
  // Bogotá is UTC−5.
  readsAll('America/Bogota', [['Volveré el 7 de enero.', '2027-01-07T14:00:00.000Z']]);
  // Mexico City is UTC−6 all year: 09:00 there is 15:00 UTC.
  readsAll('America/Mexico_City', [['Fuera de la oficina hasta el 18 de diciembre.', '2026-12-19T15:00:00.000Z']]);
});

describe('findReturnDate — Italian', () => {
  readsAll('Europe/Rome', [
    ['Sono fuori ufficio fino al 4 gennaio.', '2027-01-05T08:00:00.000Z'],
    ['Rientro in ufficio il 5 gennaio.', '2027-01-05T08:00:00.000Z'],
    ['Sarò assente dal 21 dicembre al 4 gennaio compreso.', '2027-01-05T08:00:00.000Z'],
    ['Di ritorno lunedì 11 gennaio.', '2027-01-11T08:00:00.000Z'],
    ['Sarò di nuovo disponibile a partire dal 7 gennaio.', '2027-01-07T08:00:00.000Z'],
    ['Torno il 7 gennaio.', '2027-01-07T08:00:00.000Z'],
    ['Ritornerò in ufficio lunedì 11 gennaio.', '2027-01-11T08:00:00.000Z'],
    ['Sarò in ferie dal 21/12 al 06/01.', '2027-01-07T08:00:00.000Z'],
  ]);
});

describe('findReturnDate — Dutch', () => {
  readsAll('Europe/Amsterdam', [
    ['Ik ben afwezig tot en met 4 januari.', '2027-01-05T08:00:00.000Z'],
    ['Vanaf 5 januari ben ik weer aanwezig.', '2027-01-05T08:00:00.000Z'],
    ['Ik ben op maandag 4 januari weer op kantoor.', '2027-01-04T08:00:00.000Z'],
    ['Terug op 11 januari 2027.', '2027-01-11T08:00:00.000Z'],
    ['Met vakantie van 21 december tot en met 3 januari.', '2027-01-04T08:00:00.000Z'],
    ['Ik ben vanaf maandag 4 januari weer bereikbaar.', '2027-01-04T08:00:00.000Z'],
    ['Ik ben tot maandag 4 januari met vakantie.', '2027-01-05T08:00:00.000Z'],
  ]);
});

describe('findReturnDate — starts of absences are not returns', () => {
  readsAll('Europe/Berlin', [['Ab dem 21. Dezember bin ich im Urlaub.', null]]);
  readsAll('Europe/Amsterdam', [['Vanaf 21 december ben ik op vakantie.', null]]);
});

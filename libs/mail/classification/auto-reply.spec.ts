import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { autoReplyHeaderReason, isOutOfOfficeSubject, ownSubjectPart } from './auto-reply';

describe('isOutOfOfficeSubject', () => {
  const outOfOffice = [
    'Out of Office: Quick question',
    'Out of the office until 14/12',
    'OOO - back Monday',
    'Automatic reply: Quick question',
    'Auto-Reply: Thanks for your message',
    'AutoReply',
    'Auto response: Re: Quick question',
    'On vacation',
    'Vacation reply',
    'Absence',
    'Absent du bureau',
    'Abwesenheitsnotiz: Kurze Frage',
    'Automatische Antwort: Kurze Frage',
    'Außer Haus bis 4. Januar',
    'Im Urlaub',
    'Fuera de la oficina: Pregunta rápida',
    'De vacaciones hasta el 4 de enero',
    'Fuori ufficio: Domanda veloce',
    'In ferie fino al 4 gennaio',
    'Afwezig: Korte vraag',
    'Niet aanwezig',
    'Buiten kantoor tot en met 4 januari',
    'Absente jusqu’au 4 janvier',
    'Réponse automatique : Question rapide',
    "Message d'absence",
    'Message d’absence : Re: Question rapide',
    'Congés',
    'Message automatique : Question rapide',
    'En vacances jusqu’au 4 janvier',
    'En congé jusqu’au lundi',
    'Abwesenheitsnotiz: Kurze Frage',
    'Respuesta automática: Pregunta rápida',
  ];
  for (const subject of outOfOffice) {
    it(`recognises ${JSON.stringify(subject)}`, () => assert.equal(isOutOfOfficeSubject(subject), true));
  }

  const people = [
    'Re: Quick question',
    'RE: Absence tracking for your team',
    'Re: Out of office tools',
    'TR : Réponse automatique pour vos clients',
    'Réf: Congés payés, notre offre',
    'Quick question about your onboarding',
    'Booking a demo',
    'Nos offres pour partir en vacances',
    'AW: Abwesenheitsplanung für Ihr Team',
    'Urlaubsplanung leicht gemacht',
    'Preguntas sobre ausencias',
    'Assenteismo: come ridurlo',
    '',
  ];
  for (const subject of people) {
    it(`does not flag ${JSON.stringify(subject)}`, () => assert.equal(isOutOfOfficeSubject(subject), false));
  }
});

describe('ownSubjectPart', () => {
  it('keeps what comes before the first reply or forward prefix', () => {
    assert.equal(ownSubjectPart('Automatic reply: Re: Quick question'), 'Automatic reply:');
    assert.equal(ownSubjectPart('Re: Quick question'), '');
    assert.equal(ownSubjectPart('AW: Frage'), '');
    assert.equal(ownSubjectPart('Quick question'), 'Quick question');
    assert.equal(ownSubjectPart('Software: a question'), 'Software: a question');
  });
});

describe('autoReplyHeaderReason', () => {
  it('reads the RFC 3834 header, "no" excepted, comments and case ignored', () => {
    assert.equal(autoReplyHeaderReason({ 'auto-submitted': 'Auto-Generated' }), 'auto_submitted');
    assert.equal(autoReplyHeaderReason({ 'auto-submitted': 'auto-replied; owner-email="x"' }), 'auto_submitted');
    assert.equal(autoReplyHeaderReason({ 'auto-submitted': 'No (a person wrote this)' }), null);
  });

  it('orders the signals by trust', () => {
    assert.equal(autoReplyHeaderReason({ 'x-auto-response-suppress': 'All', 'auto-submitted': 'auto-replied' }), 'auto_submitted');
    assert.equal(autoReplyHeaderReason({ 'return-path': '<>', 'x-autoreply': 'yes' }), 'x_autoreply');
  });

  it('reads Precedence: auto_reply always, bulk and junk only outside a list, list never', () => {
    assert.equal(autoReplyHeaderReason({ precedence: 'auto_reply' }), 'precedence');
    assert.equal(autoReplyHeaderReason({ precedence: 'auto_reply', 'list-id': '<l.example>' }), 'precedence');
    assert.equal(autoReplyHeaderReason({ precedence: 'Bulk' }), 'precedence');
    assert.equal(autoReplyHeaderReason({ precedence: 'bulk', 'list-id': '<l.example>' }), null);
    assert.equal(autoReplyHeaderReason({ precedence: 'list' }), null);
  });

  it('ignores X-Autoreply: no and X-Auto-Response-Suppress: None', () => {
    assert.equal(autoReplyHeaderReason({ 'x-autoreply': 'no', 'x-auto-response-suppress': 'None' }), null);
  });

  it('reads a null Return-Path, not an ordinary one', () => {
    assert.equal(autoReplyHeaderReason({ 'return-path': '< >' }), 'null_return_path');
    assert.equal(autoReplyHeaderReason({ 'return-path': '<jane@prospect.example>' }), null);
    assert.equal(autoReplyHeaderReason({}), null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clickSubject, clickUrl, MAX_TRACKED_LINKS, normaliseTrackingDomain, openPixelUrl, parseClickSubject, splitLinks,
  trackedLinksOf, trackingBaseUrl,
} from './tracking-links';

const linksIn = (text: string) => splitLinks(text).flatMap((s) => (s.kind === 'link' ? [[s.text, s.url]] : []));

describe('splitLinks', () => {
  it('finds http and https links and keeps the text around them, losing nothing', () => {
    const text = 'Hi Ada,\nsee https://acme.test/pricing?plan=pro#annual and http://acme.test.\nBye';
    const segments = splitLinks(text);
    assert.equal(segments.map((s) => s.text).join(''), text);
    assert.deepEqual(linksIn(text), [
      ['https://acme.test/pricing?plan=pro#annual', 'https://acme.test/pricing?plan=pro#annual'],
      ['http://acme.test', 'http://acme.test/'],
    ]);
  });

  it('leaves sentence punctuation and unbalanced brackets out of a link', () => {
    assert.deepEqual(linksIn('(see https://acme.test/a), or https://acme.test/b!'), [
      ['https://acme.test/a', 'https://acme.test/a'],
      ['https://acme.test/b', 'https://acme.test/b'],
    ]);
    assert.deepEqual(linksIn('https://en.wikipedia.org/wiki/Ada_(programming_language).'), [
      ['https://en.wikipedia.org/wiki/Ada_(programming_language)', 'https://en.wikipedia.org/wiki/Ada_(programming_language)'],
    ]);
    assert.deepEqual(linksIn('<https://acme.test/x> "https://acme.test/y"'), [
      ['https://acme.test/x', 'https://acme.test/x'],
      ['https://acme.test/y', 'https://acme.test/y'],
    ]);
  });

  it('leaves Unicode punctuation out of a link: guillemets, curly quotes, an ellipsis, a dash', () => {
    assert.deepEqual(linksIn('Voir «https://acme.test/a», “https://acme.test/b”… et https://acme.test/c—merci'), [
      ['https://acme.test/a', 'https://acme.test/a'],
      ['https://acme.test/b', 'https://acme.test/b'],
      ['https://acme.test/c', 'https://acme.test/c'],
    ]);
  });

  it('serialises URLs safely (punycode host, encoded path) and ignores other schemes', () => {
    assert.deepEqual(linksIn('https://café.test/menü'), [['https://café.test/menü', 'https://xn--caf-dma.test/men%C3%BC']]);
    assert.deepEqual(linksIn('mailto:ada@acme.test ftp://acme.test javascript:alert(1) httpx://acme.test https://'), []);
  });
});

describe('trackedLinksOf', () => {
  it('lists distinct links in order of first appearance', () => {
    const text = 'https://b.test/ then https://a.test/x and https://b.test/ again';
    assert.deepEqual(trackedLinksOf(text), ['https://b.test/', 'https://a.test/x']);
    assert.deepEqual(trackedLinksOf('no links here'), []);
  });

  it('tracks at most MAX_TRACKED_LINKS links', () => {
    const text = Array.from({ length: MAX_TRACKED_LINKS + 5 }, (_, i) => `https://acme.test/${i}`).join('\n');
    const links = trackedLinksOf(text);
    assert.equal(links.length, MAX_TRACKED_LINKS);
    assert.equal(links.at(-1), `https://acme.test/${MAX_TRACKED_LINKS - 1}`);
  });
});

describe('tracking domains and URLs', () => {
  it('accepts host names, normalised', () => {
    assert.equal(normaliseTrackingDomain('track.acme.com'), 'track.acme.com');
    assert.equal(normaliseTrackingDomain(' Track.ACME.com. '), 'track.acme.com');
    assert.equal(normaliseTrackingDomain('links.café.fr'), 'links.xn--caf-dma.fr');
    assert.equal(normaliseTrackingDomain('a-b.c-d.io'), 'a-b.c-d.io');
    assert.equal(normaliseTrackingDomain('localhost'), 'localhost');
    assert.equal(normaliseTrackingDomain('127.0.0.1'), '127.0.0.1');
  });

  it('refuses schemes, ports, paths, IP addresses and malformed names', () => {
    for (const input of [
      'https://track.acme.com', 'track.acme.com:8443', 'track.acme.com/t', 'track', '10.0.0.1', '-track.acme.com',
      'track-.acme.com', 'tr ack.acme.com', 'track..acme.com', '', 'user@acme.com', `${'a'.repeat(64)}.com`, 'acme.123',
    ]) {
      assert.equal(normaliseTrackingDomain(input), null, input);
    }
  });

  it('serves a tracking domain over https (http for local hosts), else the public URL', () => {
    assert.equal(trackingBaseUrl('track.acme.com', 'https://relance.test'), 'https://track.acme.com');
    assert.equal(trackingBaseUrl('localhost', 'https://relance.test'), 'http://localhost');
    assert.equal(trackingBaseUrl('127.0.0.1', 'https://relance.test'), 'http://127.0.0.1');
    assert.equal(trackingBaseUrl(null, 'https://relance.test/'), 'https://relance.test');
    assert.equal(openPixelUrl('https://t.test', 'TOKEN'), 'https://t.test/t/o/TOKEN.gif');
    assert.equal(clickUrl('https://t.test', 'TOKEN'), 'https://t.test/t/c/TOKEN');
  });

  it('round-trips a click subject and refuses others', () => {
    const id = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
    assert.deepEqual(parseClickSubject(clickSubject(id, 7)), { messageId: id, index: 7 });
    for (const subject of [id, `${id}:`, `${id}:-1`, `${id}:1.5`, `${id}:99999`, 'x:1']) {
      assert.equal(parseClickSubject(subject), null, subject);
    }
  });
});

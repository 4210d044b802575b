/**
 * Writes the bad-input corpus of CSV imports into files/ (committed; run again only to change
 * it: `node dist/tests/corpus/imports/make-corpus.js`). Bytes that an editor would mangle (other
 * encodings, NUL bytes, binary junk, CR LF) are made here rather than typed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../chaos/seeded-random';

const root = join(__dirname, '..', '..', '..', '..', 'tests', 'corpus', 'imports', 'files');
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const latin1 = (text: string) => Buffer.from(text, 'latin1');

const random = seededRandom(14);
const junk = Buffer.from(Array.from({ length: 4096 }, () => random.between(0, 255)));

export const CORPUS_FILES: Record<string, Buffer> = {
  '01-clean-comma.csv': utf8(lines('email,first_name,last_name,company', 'ada@corpus.test,Ada,Lovelace,Analytical Engines',
    'grace@corpus.test,Grace,Hopper,Navy', 'alan@corpus.test,Alan,Turing,Bletchley')),
  '02-semicolon-french-headers.csv': utf8(lines('Courriel;Prénom;Nom;Société;Poste;Pays;Fuseau horaire',
    'marie@corpus.test;Marie;Curie;Institut du Radium;Directrice;FR;Europe/Paris',
    'emile@corpus.test;Émile;Zola;L\'Aurore;Journaliste;FR;europe/paris')),
  '03-tab-delimited.tsv': utf8(lines('E-mail\tFirst Name\tCompany', 'tab1@corpus.test\tTabby\tTabs Inc', 'tab2@corpus.test\tTom\tTabs, Ltd')),
  '04-pipe-delimited.csv': utf8(lines('Email|Entreprise|Pays', 'pipe1@corpus.test|Tuyaux SA|BE', 'pipe2@corpus.test|Pipes & Co|GB')),
  '05-utf8-bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(lines('Email,Prénom', 'bom@corpus.test,Zoë'))]),
  '06-utf16le-bom.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines('Email;Prénom;Société', 'le@corpus.test;Hélène;Crème Brûlée SARL', 'le2@corpus.test;Jürgen;Größe GmbH'), 'utf16le')]),
  '07-utf16be-bom.csv': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(lines('Email,First name', 'be@corpus.test,Ōsaka'))]),
  '08-latin1-accents.csv': latin1(lines('Courriel;Prénom;Société', 'helene@corpus.test;Hélène;Société Générale', 'zoe@corpus.test;Zoë;Crème')),
  '09-windows1252-smart-quotes.csv': Buffer.concat([latin1('email,company\nquotes@corpus.test,'), Buffer.from([0x93]), latin1('Big'),
    Buffer.from([0x94]), latin1(' '), Buffer.from([0x80]), latin1('\n')]),
  '10-crlf.csv': utf8('email,first_name\r\ncrlf1@corpus.test,One\r\nnot-an-address,Two\r\ncrlf3@corpus.test,Three\r\n'),
  '11-quoted-newlines.csv': utf8(lines('email,company,notes', 'multi@corpus.test,"Quoted, Inc","first line', 'second line', 'third line"',
    'bad-after-newlines,Co,x', 'after@corpus.test,"He said ""hi""",')),
  '12-ragged-rows.csv': utf8(lines('email,first_name,last_name', 'ragged1@corpus.test,Ok,Row', 'ragged2@corpus.test,Too,Many,Cells',
    'ragged3@corpus.test,TooFew', 'ragged4@corpus.test,Ok,Again')),
  '13-unclosed-quote.csv': utf8(lines('email,company', 'open1@corpus.test,Fine', 'open2@corpus.test,Fine too', 'open3@corpus.test,"Never closed',
    'open4@corpus.test,Swallowed', 'open5@corpus.test,Swallowed too')),
  '14-binary-junk.csv': junk,
  '15-nul-bytes.csv': utf8(lines('email,first_name', 'nul1@corpus.test,Clean', 'nul2@corpus.test,Bro\u0000ken', 'nul3@corpus.test,Clean')),
  '16-empty.csv': Buffer.alloc(0),
  '17-header-only.csv': utf8(lines('email,first_name,company')),
  '18-duplicate-headers.csv': utf8(lines('email,name,E-Mail', 'dup@corpus.test,Dup,dup2@corpus.test')),
  '19-huge-cell.csv': utf8(lines('email,company', `huge@corpus.test,${'x'.repeat(100_000)}`, 'small@corpus.test,Small')),
  '20-formula-injection.csv': utf8(lines('email,first_name,company', 'formula1@corpus.test,=1+1,+Plus',
    '"=HYPERLINK(""http://evil.test"",""x"")",Eve,@SUM(A1)', 'formula3@corpus.test,-minus,Neg')),
  '21-invalid-emails.csv': utf8(lines('email,first_name', 'plainaddress,A', 'two@@corpus.test,B', 'space in@corpus.test,C', 'ada@localhost,D',
    ',E', 'valid@corpus.test,F', 'trailing-dot@corpus..test,G')),
  '22-internationalised-emails.csv': utf8(lines('email', 'josé@exemple.fr', '用户@例子.广告', 'Ada@Bücher.DE')),
  '23-blank-lines.csv': utf8('\n\nemail,first_name\n\nblank1@corpus.test,A\n\n,,\n\nnot-valid,B\n   \nblank3@corpus.test,C\n\n\n'),
  '24-duplicates-in-file.csv': utf8(lines('email,first_name', 'same@corpus.test,First', 'other@corpus.test,Other', 'SAME@corpus.test,Second',
    ' same@CORPUS.test ,Third')),
  '25-existing-skip.csv': utf8(lines('email,company', 'existing@corpus.test,New Co', 'fresh@corpus.test,Fresh Co')),
  '26-existing-update.csv': utf8(lines('email,first_name,company,Secteur', 'existing@corpus.test,,New Co,Chimie', 'fresh@corpus.test,Fresh,Fresh Co,')),
  '27-suppressed.csv': utf8(lines('email', 'unsubscribed@corpus.test', 'someone@blocked.test', 'sub@eu.blocked.test', 'welcome@corpus.test')),
  '28-time-zones.csv': utf8(lines('email,time zone', 'tz1@corpus.test,Europe/Paris', 'tz2@corpus.test,america/new_york', 'tz3@corpus.test,EST',
    'tz4@corpus.test,Mars/Olympus', 'tz5@corpus.test,+02:00', 'tz6@corpus.test,')),
  '29-no-email-column.csv': utf8(lines('name,company', 'Nobody,Nowhere')),
  '30-too-many-columns.csv': utf8(lines(['email', ...Array.from({ length: 20 }, (_, i) => `extra${i}`)].join(','))),
  '31-too-many-rows.csv': utf8(lines('email', ...Array.from({ length: 51 }, (_, i) => `row${i}@corpus.test`))),
  '32-utf16le-without-bom.csv': Buffer.from(lines('email,name', 'nobom@corpus.test,No BOM'), 'utf16le'),
  '33-custom-columns.csv': utf8(lines('Email,Secteur d\'activité,Taille,2024 revenue,Notes', 'custom@corpus.test,Chimie,50-200,1M,"Met at ""Salon"""')),
  '34-invisible-characters.csv': utf8(lines('email,first_name', '\u200bedge@corpus.test\u200b ,Edges', 'in\u200bside@corpus.test,Inside')),
  '35-quoted-delimiters.csv': utf8(lines('email;company;position', 'q1@corpus.test;"Smith; Jones & Co";"Head, Sales"')),
  '36-messy-headers.csv': utf8(lines('  EMAIL ,FIRST-NAME,last_name,Job Title,TimeZone', 'messy@corpus.test,Mia,Messy,CTO,Asia/Calcutta')),
  '37-long-name.csv': utf8(lines('email,first_name', `long@corpus.test,${'N'.repeat(201)}`, 'short@corpus.test,Short')),
};

if (require.main === module) {
  mkdirSync(root, { recursive: true });
  for (const [name, bytes] of Object.entries(CORPUS_FILES)) writeFileSync(join(root, name), bytes);
  process.stdout.write(`${Object.keys(CORPUS_FILES).length} files in ${root}\n`);
}

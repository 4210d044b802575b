import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// Compiled to dist/tests/harness/: the repository root is three levels up.
const root = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

type Version = [major: number, minor: number, patch: number];

const versionOf = (text: string): Version => text.split('.').map(Number) as Version;
const atLeast = (version: Version, floor: Version) => {
  const first = version.findIndex((part, i) => part !== floor[i]);
  return first === -1 || version[first] > floor[first];
};

/** package.json's engines.node, read as the lowest version of each major line it allows ("^20.19.0 || ^22.13.0"). */
function declaredFloors(): Version[] {
  const range = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  return range.split('||').map((part) => {
    const caret = /^\s*\^(\d+\.\d+\.\d+)\s*$/.exec(part);
    assert.ok(caret, `engines.node alternatives are "^major.minor.patch", got "${part.trim()}"`);
    return versionOf(caret[1]);
  });
}

describe('supported Node versions', () => {
  const floors = declaredFloors();
  const newestMajor = Math.max(...floors.map(([major]) => major));

  it('declares Node 20.19+ (require of ESM), 22 and 24', () => {
    assert.deepEqual(floors.map(([major]) => major), [20, 22, 24]);
    assert.ok(atLeast(floors[0], [20, 19, 0]), 'the @nestjs packages are ESM-only: Node 20 needs 20.19');
  });

  it('tests in CI on a Node 24 that package.json allows', () => {
    const pinned = /^NODE24_VERSION=(\d+\.\d+\.\d+)$/m.exec(read('.ci/run'));
    assert.ok(pinned, '.ci/run pins NODE24_VERSION');
    const version = versionOf(pinned[1]);
    const floor = floors.find(([major]) => major === version[0]);
    assert.ok(floor && atLeast(version, floor), `Node ${pinned[1]} is within engines.node`);
    assert.equal(version[0], newestMajor, 'CI tests the newest declared line');
  });

  it('builds the image on the newest declared line', () => {
    const bases = [...read('Dockerfile').matchAll(/^FROM node:(\d+)-/gm)].map((match) => Number(match[1]));
    assert.ok(bases.length > 0, 'the Dockerfile builds FROM node:<major>-…');
    assert.deepEqual([...new Set(bases)], [newestMajor]);
  });
});

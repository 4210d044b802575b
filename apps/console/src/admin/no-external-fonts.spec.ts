import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutExternalFonts } from './no-external-fonts';

describe('console pages load nothing from other sites', () => {
  it('drops the Google Fonts stylesheet AdminJS links, and only it', () => {
    const page = `<head>
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto:300,400,500,700" type="text/css">
      <script src="/admin/frontend/assets/app.bundle.js"></script></head>`;
    const cleaned = withoutExternalFonts(page);
    assert.doesNotMatch(cleaned, /googleapis/);
    assert.match(cleaned, /app\.bundle\.js/);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KNOWN_VARIABLES, renderTemplate, TemplateData, TemplateRenderError, validateTemplate } from './templates';

function data(overrides: Partial<TemplateData> = {}): TemplateData {
  return {
    firstName: 'Ada',
    lastName: 'Lovelace',
    fullName: 'Ada Lovelace',
    email: 'ada@analytical.engine',
    company: 'Analytical Engines',
    position: 'CTO',
    country: 'GB',
    custom: { plan: 'Pro' },
    sender: { name: 'Sam Rep', email: 'sam@relance.test' },
    ...overrides,
  };
}

function refused(source: string): string {
  const check = validateTemplate(source);
  assert.equal(check.ok, false, `expected ${JSON.stringify(source)} to be refused`);
  return (check as { message: string }).message;
}

describe('validateTemplate', () => {
  for (const name of KNOWN_VARIABLES) {
    it(`accepts {{ ${name} }}`, () => {
      assert.deepEqual(validateTemplate(`Hello {{ ${name} }}`), { ok: true });
    });
  }

  const accepted = [
    'Plain text without variables',
    '',
    '{{ custom.plan }}',
    '{{ custom["favourite colour"] }}',
    '{{ firstName | default: "there" }}',
    '{{ custom.plan | default: "your plan" | upcase }}',
    '{% if company != "" %}at {{ company }}{% else %}at your company{% endif %}',
    '{% assign greeting = "Hi" %}{{ greeting }} {{ firstName }}',
    '{% capture who %}{{ firstName }} {{ lastName }}{% endcapture %}{{ who }}',
    '{% for word in (1..2) %}{{ forloop.index }}{% endfor %}',
  ];
  for (const source of accepted) {
    it(`accepts ${JSON.stringify(source)}`, () => {
      assert.deepEqual(validateTemplate(source), { ok: true });
    });
  }

  const unknownVariables: Array<[string, string]> = [
    ['{{ phone }}', 'phone'],
    ['Hi {{ firstName }}, {{ frist_name }}', 'frist_name'],
    ['{% if vip %}VIP{% endif %}', 'vip'],
    ['{{ firstName | append: nickname }}', 'nickname'],
    ['{{ sender.phone }}', 'sender.phone'],
    ['{{ sender }}', 'sender'],
    ['{{ custom }}', 'custom'],
    ['{{ custom.address.city }}', 'custom.address.city'],
    ['{% for p in prospects %}{{ p }}{% endfor %}', 'prospects'],
  ];
  for (const [source, name] of unknownVariables) {
    it(`refuses unknown variable "${name}" in ${JSON.stringify(source)}, naming it`, () => {
      const message = refused(source);
      assert.ok(message.includes(`unknown variable "${name}"`), message);
      assert.match(message, /custom\.<field>/);
    });
  }

  const syntaxErrors = ['Hi {{ firstName', 'Hi {{ firstName }', '{% if firstName %}no end', '{% endif %}', '{% if %}x{% endif %}', '{% nosuchtag %}'];
  for (const source of syntaxErrors) {
    it(`refuses the syntax error in ${JSON.stringify(source)}`, () => {
      assert.match(refused(source), /^has a template error: /);
    });
  }

  it('reports only the first line of a syntax error', () => {
    assert.equal(refused('a\nb\n{{ firstName').includes('\n'), false);
  });

  it('refuses an unknown filter, naming it', () => {
    assert.match(refused('{{ firstName | shout }}'), /shout/);
    assert.match(refused('{{ firstName | upcase | sparkle: 2 }}'), /sparkle/);
  });

  for (const tag of ['include', 'render', 'layout']) {
    it(`refuses the ${tag} tag`, () => {
      assert.match(refused(`Hi {% ${tag} "signature" %}`), new RegExp(`"${tag}" tag is not available`));
    });
  }

  it('refuses a template over 100,000 characters', () => {
    assert.deepEqual(validateTemplate('x'.repeat(100_000)), { ok: true });
    assert.match(refused('x'.repeat(100_001)), /longer than 100000 characters/);
  });
});

describe('renderTemplate', () => {
  it('fills every variable', () => {
    const source = '{{ firstName }}|{{ lastName }}|{{ fullName }}|{{ email }}|{{ company }}|{{ position }}|'
      + '{{ country }}|{{ custom.plan }}|{{ sender.name }}|{{ sender.email }}';
    assert.equal(
      renderTemplate(source, data()),
      'Ada|Lovelace|Ada Lovelace|ada@analytical.engine|Analytical Engines|CTO|GB|Pro|Sam Rep|sam@relance.test',
    );
  });

  it('uses the fallback when a field is empty, and the field when it is not', () => {
    const source = 'Hi {{ firstName | default: "there" }},';
    assert.equal(renderTemplate(source, data({ firstName: '' })), 'Hi there,');
    assert.equal(renderTemplate(source, data()), 'Hi Ada,');
  });

  it('uses the fallback for a custom field the prospect does not have', () => {
    const source = 'On {{ custom.plan | default: "your plan" }}';
    assert.equal(renderTemplate(source, data({ custom: {} })), 'On your plan');
    assert.equal(renderTemplate(source, data({ custom: { plan: '' } })), 'On your plan');
  });

  it('renders a missing custom field as nothing rather than failing the send', () => {
    assert.equal(renderTemplate('[{{ custom.nope }}]', data()), '[]');
  });

  it('reads custom fields whose names have spaces', () => {
    assert.equal(renderTemplate('{{ custom["favourite colour"] }}', data({ custom: { 'favourite colour': 'teal' } })), 'teal');
  });

  it('does not evaluate template syntax found in prospect data', () => {
    assert.equal(renderTemplate('Hi {{ firstName }}', data({ firstName: '{{ email }}' })), 'Hi {{ email }}');
  });

  it('does not reach inherited properties through custom fields', () => {
    assert.equal(renderTemplate('[{{ custom.constructor }}][{{ custom.__proto__ }}]', data()), '[][]');
  });

  it('keeps line breaks of the template', () => {
    assert.equal(renderTemplate('Hi {{ firstName }},\n\nBest,\n{{ sender.name }}', data()), 'Hi Ada,\n\nBest,\nSam Rep');
  });
});

describe('template limits', () => {
  it('refuses at save time a template too expensive to render', () => {
    const check = validateTemplate('{% for i in (1..100000) %}{% for j in (1..100000) %}{{ firstName }}{% endfor %}{% endfor %}');
    assert.equal(check.ok, false);
    assert.match((check as { message: string }).message, /cannot be rendered: .*limit/);
  });

  it('turns a render failure into a TemplateRenderError', () => {
    const loop = '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}';
    assert.throws(() => renderTemplate(loop, data()), TemplateRenderError);
  });
});

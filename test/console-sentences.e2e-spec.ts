/**
 * Every problem the service can answer reaches a user of the console as a sentence in their
 * language: each registered problem code and each field rule that the OpenAPI document publishes
 * has a sentence in English, Swedish and Norwegian, and the three languages have the same keys
 * (a string added in one language only would show as its key in the others).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const LANGUAGES = ['en', 'sv', 'nb'] as const;
type Tree = { [key: string]: string | Tree };

function dictionary(language: string): Tree {
  return JSON.parse(readFileSync(join(process.cwd(), `web/src/i18n/${language}.json`), 'utf8')) as Tree;
}

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('the console says every problem in the user’s language', () => {
  let t: TestApp;
  let codes: string[];
  let rules: string[];
  const dictionaries = Object.fromEntries(LANGUAGES.map((l) => [l, dictionary(l)])) as Record<(typeof LANGUAGES)[number], Tree>;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    const schemas = (res.body as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
    codes = Object.keys(schemas.Problem['x-error-codes'] as Record<string, unknown>);
    rules = Object.keys(schemas.FieldError['x-field-rules'] as Record<string, unknown>);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(LANGUAGES)('has a sentence in %s for every registered problem code', (language) => {
    expect(codes.length).toBeGreaterThan(100);
    const missing = codes.filter((code) => !lookup(dictionaries[language], `problem.code.${code}`)?.trim());
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('has a sentence in %s for every field rule', (language) => {
    expect(rules).toContain('max_length');
    const missing = rules.filter((rule) => !lookup(dictionaries[language], `field.rule.${rule}`)?.trim());
    expect(missing).toEqual([]);
  });

  it('fills in the same parameters in every language', () => {
    for (const path of keys(dictionaries.en)) {
      const wanted = [...(lookup(dictionaries.en, path) ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const language of ['sv', 'nb'] as const) {
        const got = [...(lookup(dictionaries[language], path) ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect({ path, language, parameters: got }).toEqual({ path, language, parameters: wanted });
      }
    }
  });

  it.each(['sv', 'nb'] as const)('has in %s exactly the strings it has in English', (language) => {
    const english = new Set(keys(dictionaries.en));
    const other = new Set(keys(dictionaries[language]));
    expect([...english].filter((k) => !other.has(k))).toEqual([]);
    expect([...other].filter((k) => !english.has(k))).toEqual([]);
  });

  it('answers a wrong field with its rule and parameters, which the console translates', async () => {
    const res = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${t.admin.token}`)
      .send({
        email: 'not an address',
        name: 'x'.repeat(201),
        password: 'long enough password 1',
        roles: ['quality_manager', 'quality_manager'],
        extra: 1,
      });
    expect(res.status).toBe(400);
    const errors = (res.body as { errors: { field: string; rule?: string; params?: unknown }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', rule: 'email' }),
        expect.objectContaining({ field: 'name', rule: 'max_length', params: { max: 200 } }),
        expect.objectContaining({ field: 'roles', rule: 'no_repeats' }),
        expect.objectContaining({ field: 'extra', rule: 'unknown_property' }),
      ]),
    );
    for (const e of errors) expect(lookup(dictionaries.sv, `field.rule.${e.rule}`)).toBeTruthy();
    const [count] = await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM app_user WHERE email = 'not an address'`);
    expect(count.n).toBe('0');
  });
});

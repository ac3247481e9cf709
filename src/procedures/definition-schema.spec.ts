import { ROLES } from '../common/roles.js';
import { procedureSchema } from './definition-schema.js';
import { DEFAULTS } from './definition-normalise.js';
import { ANCHORS, FIELD_TYPES, LANGUAGES, SUBJECTS } from './procedure-definition.js';

// The schema is JSON for authors' editors; the code has its own constants. These keep them equal.
describe('procedure.schema.json', () => {
  const defs = procedureSchema.$defs;

  it('lists the same roles, subjects, anchors, field types and languages as the code', () => {
    expect(defs.role.enum).toEqual([...ROLES]);
    expect(procedureSchema.properties.subject.enum).toEqual([...SUBJECTS]);
    expect(defs.timeWindow.properties.anchor.enum).toEqual([...ANCHORS]);
    expect(defs.field.properties.type.enum).toEqual([...FIELD_TYPES]);
    expect(Object.keys(defs.localisedText.properties)).toEqual([...LANGUAGES]);
  });

  it('documents the defaults that normalisation fills in', () => {
    expect(procedureSchema.properties.ordered.default).toBe(DEFAULTS.ordered);
    expect(defs.step.properties.required.default).toBe(DEFAULTS.stepRequired);
    expect(defs.field.properties.required.default).toBe(DEFAULTS.fieldRequired);
  });

  it('describes every property for the authors', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (!property.description) undocumented.push(`${path}.${name}`);
      }
      // `if` branches are conditions on a property's value, not places where authors write.
      for (const [name, child] of Object.entries(node)) if (name !== 'if') walk(child, `${path}.${name}`);
    };
    walk(procedureSchema, '#');
    expect(undocumented).toEqual([]);
  });
});

// Validates every element template in ../../element-templates against Camunda's official element template
// JSON schema (@camunda/element-templates-json-schema, the one Camunda Modeler uses for Camunda 7 templates).
// Usage: npm run lint-templates    Exit code 1 and one line per problem when a template is invalid.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const dir = new URL('../../element-templates/', import.meta.url).pathname;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

let problems = 0;
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
for (const file of files) {
  const templates = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (!validate(templates)) {
    for (const error of validate.errors) {
      console.error(`${file}${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
      problems++;
    }
  }
  const ids = new Set();
  for (const template of templates) {
    if (ids.has(template.id)) {
      console.error(`${file}: template id ${template.id} appears twice`);
      problems++;
    }
    ids.add(template.id);
  }
  console.log(`${file}: ${templates.length} template(s)`);
}
if (files.length === 0) {
  console.error(`no element templates in ${dir}`);
  problems++;
}
process.exit(problems === 0 ? 0 : 1);

import { TooLargeError, ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { canonicalByteLength, heaviestPart } from '../../common/json/canonical.js';
import { RETIRING_MODELS } from '../llm/model-lifecycle.js';
import { schemaProblems } from '../rulesets/input-schemas.js';
import type { PromptContent } from './prompt.types.js';
import { analyseTemplate, declarationsOf, declares } from '../../engine/template-safety.js';

const MAX_BYTES = 128 * 1024;

/** A prompt version must be safe to render: templates refused if hostile, every variable declared, schema compiling. */
export async function validatePromptContent(content: PromptContent): Promise<void> {
  const size = canonicalByteLength(content);
  if (size > MAX_BYTES)
    throw new TooLargeError(
      `A prompt version is limited to ${MAX_BYTES / 1024} KiB.`,
      [heaviestPart(content, size, MAX_BYTES)],
      'prompt_too_large',
    );
  const problems: ErrorDetail[] = [];
  if (Object.hasOwn(RETIRING_MODELS, content.model)) {
    problems.push({
      path: '/model',
      message: `${content.model} is being retired by the provider (end of life ${RETIRING_MODELS[content.model]}); choose a current model`,
      keyword: 'retiringModel',
      params: { model: content.model, endOfLife: RETIRING_MODELS[content.model] },
    });
  }
  // Compiled once here when it can be saved, and kept for rendering.
  const schemaProblemsFound = await schemaProblems(content.variablesSchema, '/variablesSchema');
  if (schemaProblemsFound.length === 0 && content.variablesSchema['type'] !== 'object')
    schemaProblemsFound.push({
      path: '/variablesSchema/type',
      message: 'must be "object": variables are a JSON object',
    });
  problems.push(...schemaProblemsFound);
  const schemaOk = schemaProblemsFound.length === 0;
  for (const field of ['template', 'system'] as const) {
    const text = content[field];
    if (text === undefined) continue;
    const { variables, lists, written, problems: refused } = analyseTemplate(text, `/${field}`);
    problems.push(...refused);
    if (!schemaOk) continue;
    // `{{join x}}` of a variable declared as anything but an array renders nothing: said here, as for #each.
    for (const list of lists) {
      // An item of a list is named as Handlebars does (« tags.[] »): the list itself is declared as one.
      const name = list.join('.');
      if (declares(content.variablesSchema, list) && !declaresList(content.variablesSchema, list))
        problems.push({
          path: `/${field}`,
          message: `joins {{join ${name}}}, which /variablesSchema declares but not as a list: join goes through an array, declared with "type": "array"`,
          keyword: 'template',
          params: { reason: 'join_not_a_list', name },
        });
      else if (declaresListOfObjects(content.variablesSchema, list))
        problems.push({
          path: `/${field}`,
          message: `joins {{join ${name}}}, a list of objects or lists, which would be written "[object Object]": loop over it with {{#each}} and write the fields`,
          keyword: 'template',
          params: { reason: 'join_objects', name },
        });
    }
    for (const variable of written)
      if (declaresObjectOnly(content.variablesSchema, variable)) {
        const name = variable.filter((s) => s !== '[]').join('.');
        problems.push({
          path: `/${field}`,
          message: `writes {{${name}}}, which /variablesSchema declares as an object or a list of objects: it would print "[object Object]"; write its fields, or loop over it with {{#each}}`,
          keyword: 'template',
          params: { reason: 'writes_object', name },
        });
      }
    for (const variable of variables) {
      if (!declares(content.variablesSchema, variable)) {
        const name = variable.filter((s) => s !== '[]').join('.');
        // `{{#each o}}` over a declared object reads `o.[]`: say it is the loop, not the name, that is wrong.
        const loop = variable.indexOf('[]');
        const listPath = variable.slice(0, loop);
        const list = listPath.join('.');
        if (
          loop > 0 &&
          declares(content.variablesSchema, listPath) &&
          !declaresList(content.variablesSchema, listPath)
        ) {
          problems.push({
            path: `/${field}`,
            message: `loops over {{#each ${list}}}, which /variablesSchema declares but not as a list: {{#each}} goes through an array, declared with "type": "array" and its "items"`,
            keyword: 'template',
            params: { reason: 'not_a_list', name: list },
          });
          continue;
        }
        problems.push({
          path: `/${field}`,
          message: `uses {{${name}}}, which /variablesSchema does not declare (${variable.join('.')})`,
          keyword: 'template',
          params: { reason: 'undeclared', name },
        });
      }
    }
  }
  if (problems.length > 0)
    throw new ValidationError(`The prompt has ${problems.length} problem(s); each is listed with its place.`, problems);
}

/** Whether the schema declares the variable at `path` as an array (with or without its items). */
function declaresList(schema: unknown, path: readonly string[]): boolean {
  return declaredTypes(schema, path).includes('array');
}

/** Whether the list at `path` is declared with items that are objects or lists: `join` would write « [object Object] ». */
function declaresListOfObjects(schema: unknown, path: readonly string[]): boolean {
  return declaredTypes(schema, [...path, '[]']).some((type) => type === 'object' || type === 'array');
}

/**
 * Whether the schema allows only objects at `path`, or lists of them (at any depth of lists): written as text,
 * such a value can only print « [object Object] ». Lists of texts or numbers write them with commas, and are kept.
 * A place with alternatives (`anyOf`, `oneOf`, `not`) or fixed values (`const`, `enum`) may hold a text: not
 * refused, since what it holds cannot be told from the types alone.
 */
function declaresObjectOnly(schema: unknown, path: readonly string[], lists = 0): boolean {
  const nodes = declarationsOf(schema, path) ?? [];
  if (nodes.some((node) => ['anyOf', 'oneOf', 'not', 'const', 'enum'].some((keyword) => keyword in node))) return false;
  const types = declaredTypes(schema, path);
  return (
    types.length > 0 &&
    types.every(
      (type) =>
        type === 'object' || (type === 'array' && lists < 8 && declaresObjectOnly(schema, [...path, '[]'], lists + 1)),
    )
  );
}

/** The JSON types the schema declares at `path`, in any of its parts (none when it does not say). */
function declaredTypes(schema: unknown, path: readonly string[]): string[] {
  return (declarationsOf(schema, path) ?? []).flatMap(({ type }) =>
    typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : [],
  );
}

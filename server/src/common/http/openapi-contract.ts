import { HttpStatus, type INestApplication } from '@nestjs/common';
import { VersionNumberPipe } from './version-number.js';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ContentRangeInterceptor } from './content-range.interceptor.js';
import { EtagInterceptor } from './etag.interceptor.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { PERMISSION_KEY, type PermissionRule } from '../access/permission.decorator.js';
import { errorBodySchema } from '../errors/error-body.js';
import { contractAjv } from './ajv.js';
import { JsonSchemaPipe } from './json-schema.pipe.js';
import { describesQuery } from './query-parameters.js';

/** What each error status means, as every operation's document says it. */
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; `details` names each offending path.',
  401: 'No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so.',
  403: 'The credentials do not allow this operation.',
  404: 'No such resource.',
  409: 'The request conflicts with the resource’s current state.',
  412: 'If-Match does not match the current ETag: someone else changed it; read it again.',
  413: 'The body is larger than the configured limit.',
  414: 'A path segment of the URL holds more than 4 096 characters.',
  415: 'The body is not application/json.',
  428: 'If-Match is required: send the ETag you read.',
  429: 'Too many requests; Retry-After says when to try again.',
  502: 'The language model provider refused the request built from the prompt (`llm_rejected`): sending it again will not help; the prompt’s model, maximum tokens or the length of its variables must change.',
  503: 'A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`).',
};

export const ERROR_SCHEMA_REF = { $ref: '#/components/schemas/Error' };

export function errorResponse(status: number, description = ERROR_DESCRIPTIONS[status]) {
  return { description: description ?? 'Error', content: { 'application/json': { schema: ERROR_SCHEMA_REF } } };
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

type Operation = {
  operationId?: string;
  description?: string;
  'x-roles'?: string[];
  'x-api-key-scope'?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: object;
    content?: object;
    description?: string;
  }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Completes the generated document from what the routes really do, so it is a contract a client (or a fuzzer)
 * can hold us to: the query parameters the pipes read, the If-Match header, integer version numbers, and every
 * error status a route can answer, each with the §7 error body. Route-specific statuses (sign-in throttling,
 * language-model failures) are declared on their handlers; permissions declare 401 and 403.
 */
export function completeContract(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  const handlers = handlersByOperationId(app);
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    Error: errorBodySchema as object,
    JsonValue: JSON_VALUE,
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const handler = operation.operationId ? handlers.get(operation.operationId) : undefined;
      completeOperation(method, operation, handler ? routeArguments(handler) : []);
      if (handler)
        documentPermission(
          operation,
          // As the guard reads it: the handler's own rule, else its controller's.
          Reflect.getMetadata(PERMISSION_KEY, handlerFunction(handler)) ??
            Reflect.getMetadata(PERMISSION_KEY, handler.controller),
        );
      if (handler)
        documentSuccess(
          method,
          operation,
          Reflect.getMetadata(HTTP_CODE_METADATA, handlerFunction(handler)) as number | undefined,
        );
      if (handler) documentHeaders(operation, Reflect.getMetadata(INTERCEPTORS_METADATA, handlerFunction(handler)));
      const json = (operation.requestBody as { content?: Record<string, { schema?: object }> } | undefined)?.content?.[
        'application/json'
      ];
      // A copy: the contract schemas are shared with the validators.
      if (json?.schema) json.schema = limitPropertyNames(structuredClone(json.schema));
    }
  }
  return hoistNamedSchemas(document);
}

/**
 * Response schemas that name themselves with `$id` (a governed resource's view, a version, a reference table)
 * become named components, referenced wherever they appear: clients and generated types see one `RulesetView`
 * instead of copies. Request schemas carry no `$id`: ajv would register it, and they are compiled per route.
 */
function hoistNamedSchemas(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components!.schemas ??= {}) as Record<string, object>;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const { $id, ...rest } = node as Record<string, unknown>;
    const children = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, visit(value)]));
    if (typeof $id !== 'string') return $id === undefined ? children : { $id, ...children };
    components[$id] ??= children;
    return { $ref: `#/components/schemas/${$id}` };
  };
  document.paths = visit(document.paths) as OpenAPIObject['paths'];
  return document;
}

function handlerFunction(handler: { controller: object; method: string }): object {
  return (handler.controller as { prototype: Record<string, object> }).prototype[handler.method]!;
}

/**
 * Who may call the operation, in the document: `x-roles` (console roles that may) and `x-api-key-scope` (the
 * scope an API key needs, `{key}` standing for the path's key), also said in words in the description.
 */
function documentPermission(operation: Operation, rule: PermissionRule | undefined): void {
  if (!rule || rule.kind === 'public') return;
  const words: string[] = [];
  if (rule.kind === 'authenticated') {
    operation.description = [operation.description, 'Any signed-in user or API key.'].filter(Boolean).join(' ');
    return;
  }
  operation['x-roles'] = [...rule.roles];
  words.push(rule.roles.length > 0 ? `Console roles: ${rule.roles.join(', ')}.` : 'Console users: not accepted.');
  if (rule.kind === 'decision-scope') {
    const scope = `${rule.action}:{rule set of the decision}`;
    operation['x-api-key-scope'] = scope;
    words.push(`API keys: scope ${scope}.`);
  } else if (rule.kind === 'scope') {
    // /metrics names no resource: any scope of its action will do.
    const scope = `${rule.action}:${rule.publicWhenMetricsPublic ? '*' : `{${rule.keyParam}}`}`;
    operation['x-api-key-scope'] = scope;
    words.push(`API keys: scope ${scope}.`);
  } else words.push('API keys: not accepted.');
  operation.description = [operation.description, ...words].filter(Boolean).join(' ');
}

function completeOperation(
  method: (typeof METHODS)[number],
  operation: Operation,
  args: [RouteParamtypes, RouteArgument][],
): void {
  const statuses = new Set<number>();
  operation.parameters ??= [];
  for (const [type, argument] of args) {
    if (type === RouteParamtypes.BODY) {
      const pipe = (argument.pipes ?? []).find((p): p is JsonSchemaPipe => p instanceof JsonSchemaPipe);
      // An absent body is read as {}: the body is required only when {} is not valid.
      if (pipe)
        operation.requestBody = {
          required: !contractAjv.validate(pipe.schema, {}),
          content: { 'application/json': { schema: pipe.schema } },
        };
    } else if (type === RouteParamtypes.QUERY) {
      for (const parameter of (argument.pipes ?? []).filter(describesQuery).flatMap((pipe) => pipe.queryParameters())) {
        operation.parameters = operation.parameters.filter((p) => !(p.in === 'query' && p.name === parameter.name));
        operation.parameters.push(parameter);
        statuses.add(400);
      }
    } else if (type === RouteParamtypes.HEADERS && argument.data === 'if-match') {
      operation.parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'the ETag of the version you read (strong; `*` is not taken: any version would match)',
        // A list of entity tags (RFC 9110): anything else is refused as invalid_if_match (400).
        schema: { type: 'string', pattern: '^\\s*(W/)?"[^"]*"(\\s*,\\s*(W/)?"[^"]*")*\\s*$' },
      });
      [400, 412, 428].forEach((s) => statuses.add(s));
    } else if (
      type === RouteParamtypes.PARAM &&
      (argument.pipes ?? []).some((pipe) => pipe instanceof VersionNumberPipe)
    ) {
      const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === argument.data);
      if (parameter)
        parameter.schema = { type: 'integer', minimum: 1, maximum: 999_999_999, description: 'a version number' };
    }
  }
  // A path parameter is found or not (404), and one past the router's 4 096 characters is refused before (414).
  if (operation.parameters.some((p) => p.in === 'path')) [404, 414].forEach((s) => statuses.add(s));
  if (operation.requestBody) [400, 413, 415].forEach((s) => statuses.add(s));
  if (method !== 'get') statuses.add(409);
  // Every route but the documents themselves reads the database (sessions and API keys included).
  statuses.add(503);
  for (const status of statuses) operation.responses[String(status)] ??= errorResponse(status);
}

/**
 * The response headers a client needs, on the responses that carry them: the ETag that a later If-Match sends
 * back, the Content-Range that holds a list's total, the Retry-After of a 429 or a 503. Generated clients read only what
 * the document declares.
 */
function documentHeaders(operation: Operation, interceptors: unknown[] | undefined): void {
  const headers: Record<string, object> = {};
  if (interceptors?.some((i) => i instanceof EtagInterceptor))
    headers['ETag'] = {
      description: 'the version of the resource read; send it back as If-Match to change it',
      schema: { type: 'string' },
    };
  if (interceptors?.some((i) => i instanceof ContentRangeInterceptor))
    headers['Content-Range'] = {
      description: 'the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets */0` when empty)',
      schema: { type: 'string' },
    };
  for (const [status, response] of Object.entries(operation.responses) as [string, { headers?: object }][]) {
    if (status.startsWith('2') && Object.keys(headers).length > 0)
      response.headers = { ...response.headers, ...headers };
    if (status === '429' || status === '503')
      response.headers = {
        ...response.headers,
        'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
      };
  }
}

/** Nest documents the default success only when a route declares no response; permissions declare 401/403. */
function documentSuccess(method: string, operation: Operation, httpCode: number | undefined): void {
  if (Object.keys(operation.responses).some((status) => status.startsWith('2'))) return;
  const status = httpCode ?? (method === 'post' ? HttpStatus.CREATED : HttpStatus.OK);
  operation.responses[String(status)] = {
    description: status === HttpStatus.NO_CONTENT ? 'Done; no content.' : 'Success.',
  };
}

/** Object keys the body parser accepts (json-body-parser.ts): at most 1024 characters, no NUL. */
const PROPERTY_NAMES = { maxLength: 1024, pattern: '^[^\\u0000]*$' };

/** Any JSON value the body parser accepts, at any depth: what a free-form object (facts, variables) may hold. */
const JSON_VALUE = {
  description: 'any JSON value; object keys have at most 1024 characters and no NUL',
  anyOf: [
    { type: ['null', 'boolean', 'number', 'string'] },
    { type: 'array', items: { $ref: '#/components/schemas/JsonValue' } },
    { type: 'object', propertyNames: PROPERTY_NAMES, additionalProperties: { $ref: '#/components/schemas/JsonValue' } },
  ],
};

/**
 * The body parser refuses some keys whatever the route: say so on every object of every request body, and let
 * the free-form ones hold only what it accepts, so the document describes the bodies that are really accepted.
 */
function limitPropertyNames<T>(schema: T): T {
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as Record<string, unknown>;
  if ((node['type'] === 'object' || node['properties'] || node['additionalProperties']) && !node['propertyNames']) {
    node['propertyNames'] = PROPERTY_NAMES;
    if (node['additionalProperties'] === undefined || node['additionalProperties'] === true)
      node['additionalProperties'] = { $ref: '#/components/schemas/JsonValue' };
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(limitPropertyNames);
    else limitPropertyNames(value);
  }
  return schema;
}

function routeArguments(handler: { controller: object; method: string }): [RouteParamtypes, RouteArgument][] {
  const metadata = (Reflect.getMetadata(ROUTE_ARGS_METADATA, handler.controller, handler.method) ?? {}) as Record<
    string,
    RouteArgument
  >;
  return Object.entries(metadata).map(([key, argument]) => [Number(key.split(':')[0]) as RouteParamtypes, argument]);
}

/** Nest names operations `Controller_method`; this finds the class and method behind each name. */
function handlersByOperationId(app: INestApplication): Map<string, { controller: object; method: string }> {
  const handlers = new Map<string, { controller: object; method: string }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      // Inherited routes too (GovernedController's lifecycle routes): Nest names them after the subclass.
      for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype;) {
        for (const method of Object.getOwnPropertyNames(proto)) {
          const id = `${controller.name}_${method}`;
          if (method !== 'constructor' && !handlers.has(id))
            handlers.set(id, { controller: controller as object, method });
        }
        proto = Object.getPrototypeOf(proto) as object | null;
      }
    }
  }
  return handlers;
}

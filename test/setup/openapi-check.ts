import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';
import type { Response } from 'supertest';

type Schema = Record<string, unknown>;

/**
 * A schema of the document made strict for checking real answers: OpenAPI's `nullable` becomes a JSON
 * Schema `anyOf` with null, and an object that lists its properties admits no other property, so a field
 * the code sends and the document does not describe fails as surely as a missing or mistyped one.
 */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'example' || key === 'examples') continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, strictSchema(v)]))
        : strictSchema(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: OpenAPIV3.OperationObject;
}

/** Checks HTTP answers against the response schemas of the API's own OpenAPI document. */
export class OpenApiChecker {
  readonly checked = new Map<string, Set<number>>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Route[];

  private constructor(readonly doc: OpenAPIV3.Document) {
    addFormats(this.ajv);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('binary', () => true);
    this.routes = Object.entries(doc.paths).flatMap(([template, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((m) => item?.[m])
        .map((method) => ({
          method,
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          params: (template.match(/\{/g) ?? []).length,
          operation: item![method] as OpenAPIV3.OperationObject,
        })),
    );
    this.routes.sort((a, b) => a.params - b.params); // a literal segment wins over a parameter
  }

  static async load(rawDocument: unknown): Promise<OpenApiChecker> {
    const doc = (await SwaggerParser.dereference(
      structuredClone(rawDocument) as never,
    )) as OpenAPIV3.Document;
    return new OpenApiChecker(doc);
  }

  /** The operations of the document no checked answer has reached, as `get /api/x`. */
  unchecked(): string[] {
    return this.routes.map((r) => `${r.method} ${r.template}`).filter((key) => !this.checked.has(key));
  }

  /** Fails (throws) unless the document describes this answer: status, media type and body. */
  check(res: Response): Response {
    const req = (res as unknown as { req: { method: string; path: string } }).req;
    const method = req.method.toLowerCase();
    const path = req.path.split('?')[0];
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) throw new Error(`the document has no operation for ${method} ${path}`);
    const key = `${method} ${route.template}`;
    const where = `${key} answered ${res.status}`;
    const response = route.operation.responses[String(res.status)] as OpenAPIV3.ResponseObject | undefined;
    if (!response) throw new Error(`${where}: the document declares no ${res.status} response`);
    this.checked.set(key, (this.checked.get(key) ?? new Set()).add(res.status));
    if (res.status === 204) return res;
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const media = Object.entries(response.content ?? {}).find(([type]) => type.split(';')[0] === mediaType);
    if (!media) {
      const declared = Object.keys(response.content ?? {}).join(', ') || 'no content';
      throw new Error(`${where} with ${mediaType}; the document declares ${declared}`);
    }
    const [type, { schema }] = media;
    if (!schema) throw new Error(`${where}: ${type} has no schema`);
    if ((schema as OpenAPIV3.SchemaObject).format === 'binary') return res;
    const id = `${key} ${res.status} ${type}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile(strictSchema(schema) as Schema);
      this.validators.set(id, validate);
    }
    if (!validate(res.body)) {
      const errors = this.ajv.errorsText(validate.errors, { separator: '\n  ' });
      throw new Error(
        `${where}: the body does not match the document\n  ${errors}\n${JSON.stringify(res.body)}`,
      );
    }
    return res;
  }
}

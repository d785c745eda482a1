import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemView, statusTitle } from '@app/core';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = { description: string; content?: Record<string, { schema: { $ref: string } }> };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const TAGS: { name: string; description: string }[] = [
  { name: 'auth', description: 'Registration of NGOs and sign-in' },
  { name: 'users', description: 'The signed-in user and user administration' },
  { name: 'invitations', description: 'Invitations by e-mail, sent by admins and organization admins' },
  { name: 'teams', description: "An organization admin's members of their own organization" },
  { name: 'organizations', description: 'NGOs and their verification' },
  { name: 'funds', description: 'Funds, their balance, history, alerts and fund-level costs' },
  { name: 'exchange-rates', description: 'Exchange rates to the fund currency' },
  { name: 'donors', description: 'Donors, pledges, contributions and receipts' },
  { name: 'calls', description: 'Calls for proposals and their lifecycle' },
  { name: 'applications', description: 'NGO applications, attachments and eligibility screening' },
  { name: 'reviews', description: 'Reviewer assignments, scores and the ranking' },
  { name: 'grants', description: 'Decisions, grants, tranches, reports and returns' },
  { name: 'reports', description: 'Statements and reports, as JSON or files' },
  { name: 'open data', description: 'IATI files, public feeds and downloads, and what is published' },
  { name: 'audit', description: 'The append-only audit log' },
  { name: 'admin', description: 'Operations tools for admins, such as the queue board' },
  {
    name: 'partners',
    description: "Partner due diligence: the NGO's profile, documents, sanctions screening, risk rating",
  },
  { name: 'health', description: 'Liveness and readiness' },
];

/** A problem answer: every error is application/problem+json with the shared Problem schema. */
function problem(status: number, description?: string): ResponseObject {
  return {
    description: description || statusTitle(status),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/**
 * Completes each operation with the problems every route of its kind can answer, from what the document
 * already says of it: 401 for a bad bearer token (also checked on public routes), 429 for the per-address
 * limit, 400 for a body, query or header that fails validation, 404 for an id in the path, and for an
 * idempotent write 409 (the same key in flight) and 422 (the key reused with another body). Problem
 * responses a route declares itself (403, 409, 422, 503, ...) keep their description and get the Problem
 * body, as the problem filter sends it.
 */
export function describeProblems(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const responses = op.responses as Record<string, ResponseObject>;
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      const add = (status: number) => (responses[status] ??= problem(status));
      if (op.requestBody || params.some((p) => p.in === 'query' || p.in === 'header')) add(400);
      add(401);
      if (params.some((p) => p.in === 'path')) add(404);
      if (params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) {
        add(409);
        add(422);
      }
      add(429);
      for (const [code, response] of Object.entries(responses)) {
        // every error is problem+json (the problem filter), whatever a decorator said (terminus's 503)
        if (Number(code) >= 400 && !response.content?.[PROBLEM_CONTENT_TYPE])
          responses[code] = problem(Number(code), response.description);
      }
      op.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
      ) as Operation['responses'];
    }
  }
  return doc;
}

/** The API's OpenAPI document, built from the controllers' decorators (no server needs to listen). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Trust Fund Grants API')
    .setDescription(
      'Grant management for UN trust funds: calls for proposals, applications, reviews, grants and tranches, ' +
        'donors, contributions and a double-entry ledger. Errors are application/problem+json (RFC 9457). ' +
        'Money is integer minor units.',
    )
    .setVersion('1.0')
    .setContact(
      'Trust Fund Grants',
      'https://github.com/trust-fund-grants',
      'maintainers@trust-fund-grants.org',
    )
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This server')
    .addBearerAuth();
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);
  const doc = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemView] });
  return describeProblems(doc);
}

import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiPropertyOptions,
  ApiResponseOptions,
  ApiSchema,
} from '@nestjs/swagger';
import type { Page } from './pagination';

/** A money amount in the OpenAPI document: integer minor units (a JSON number, below 2^53). */
export function ApiMoney(options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ type: 'integer', format: 'int64', ...options } as ApiPropertyOptions);
}

export class FieldProblemView {
  @ApiProperty({ example: 'amount' }) field: string;
  @ApiProperty({ type: [String], example: ['amount must be a positive integer number of minor units'] })
  messages: string[];
}

/** RFC 9457 problem details as every error answer carries them (`application/problem+json`). */
@ApiSchema({ name: 'Problem' })
@ApiExtraModels(FieldProblemView)
export class ProblemView {
  @ApiProperty({ example: '/problems/not-found', description: 'Stable problem type; clients switch on it' })
  type: string;
  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ type: 'integer', example: 404 }) status: number;
  @ApiProperty({ example: 'grant 6f1c... was not found' }) detail: string;
  @ApiProperty({ example: 'GRANT.NOT_FOUND', description: 'Stable error code' }) code: string;
  @ApiPropertyOptional({ type: [FieldProblemView], description: 'Field errors of a 400 or 422' })
  errors?: FieldProblemView[];
}

/**
 * The page of a list route: `items` and the `nextCursor` to pass as `cursor` for the next page. Extend it
 * to name the schema: `export class CallPage extends PageOf(CallView) {}`.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageView implements Page<T> {
    items: T[];
    nextCursor: string | null;
  }
  ApiProperty({ type: [item] })(PageView.prototype, 'items');
  ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })(PageView.prototype, 'nextCursor');
  return PageView;
}

/** A file answer (PDF, CSV, XLSX, ...): each media type with a binary body. */
export function ApiFileResponse(
  mediaTypes: string[],
  options: Omit<ApiResponseOptions, 'content' | 'type' | 'schema'> & { json?: Type<unknown> } = {},
): MethodDecorator {
  const { json, ...rest } = options;
  const binary = { schema: { type: 'string', format: 'binary' } };
  const content: Record<string, object> = {};
  if (json) content['application/json'] = { schema: { $ref: `#/components/schemas/${json.name}` } };
  for (const type of mediaTypes) content[type] = binary;
  return applyDecorators(
    ...(json ? [ApiExtraModels(json)] : []),
    ApiProduces(...Object.keys(content)),
    ApiOkResponse({ description: 'The file', ...rest, content } as ApiResponseOptions),
  );
}

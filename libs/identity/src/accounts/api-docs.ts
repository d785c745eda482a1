import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@app/core';

class FieldProblemView {
  @ApiProperty({ example: 'user.password' }) field: string;
  @ApiProperty({ type: [String] }) messages: string[];
}

/** RFC 9457 problem details, as every error of the API is answered. */
export class ProblemView {
  @ApiProperty({ example: '/problems/token-invalid' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ example: 'AUTH.TOKEN_INVALID' }) code: string;
  @ApiPropertyOptional({ type: [FieldProblemView] }) errors?: FieldProblemView[];
}

/** Documents problem+json answers: `{ 400: '/problems/validation ...', 404: '...' }`. */
export function ApiProblems(problems: Record<number, string>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemView, FieldProblemView),
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  );
}

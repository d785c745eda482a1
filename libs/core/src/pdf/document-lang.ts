import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DOCUMENT_LOCALES } from './kit-labels';

/** The `lang` parameter of a document route: one of the six UN languages (else Accept-Language decides). */
export function DocumentLang(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: DOCUMENT_LOCALES,
      description:
        "the document's language; without it, the Accept-Language header, then the caller's profile locale, then English",
    }),
    IsOptional(),
    IsIn(DOCUMENT_LOCALES),
  );
}

/** The query of a route that renders one document. */
export class DocumentQuery {
  @DocumentLang()
  lang?: (typeof DOCUMENT_LOCALES)[number];
}

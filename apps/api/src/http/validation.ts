import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, RequestInvalid } from '@app/core';

/** Flattens class-validator's tree into `field.path: messages`, every field listed. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      const messages = Object.entries(e.constraints).map(([rule, message]) =>
        rule === 'whitelistValidation'
          ? `${field} is not an allowed field`
          : message.replace(e.property, field),
      );
      out.push({ field, messages });
    }
    if (e.children?.length) out.push(...fieldProblems(e.children, field));
  }
  return out;
}

/** Unknown or extra fields (nested ones too) are 400; every failing field is listed. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestInvalid(fieldProblems(errors)),
  });
}

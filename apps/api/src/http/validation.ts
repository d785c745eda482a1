import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldProblem, RequestInvalid } from '@app/core';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

/**
 * class-validator finds a class's rules, inherited ones included, by testing the class against every class
 * it holds rules for (`instanceof`, in MetadataStorage.getTargetValidationMetadatas), for every object it
 * validates: the whole API's DTOs for each request body and each nested object (11% of the API's CPU in
 * issue 20's deadline rush benchmark, half of it in that search). The answer depends only on the class and
 * the options, and the rules are fixed once the decorators have run, so it is kept per class and options;
 * any rule added later (a class loaded late) empties the cache. Lookups with groups are not cached (the
 * API uses none).
 */
export function cacheValidationRules(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { rulesCached?: true };
  if (marked.rulesCached) return;
  marked.rulesCached = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    let byOptions = cache.get(target);
    if (!byOptions) cache.set(target, (byOptions = new Map()));
    const key = `${schema ?? ''}:${always}:${strictGroups}`;
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  for (const add of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const original = storage[add].bind(storage) as (metadata: never) => void;
    (storage[add] as (metadata: never) => void) = (metadata) => {
      cache = new WeakMap();
      original(metadata);
    };
  }
}

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
  cacheValidationRules();
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

import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';
import type { NotFoundEntity } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route id that is not a UUID names nothing: 404, like any id that does not exist. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly entity: NotFoundEntity = 'resource') {}
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError(this.entity, value);
    return value.toLowerCase();
  }
}

export const IdParam = (name = 'id', entity: NotFoundEntity = 'resource'): ParameterDecorator =>
  Param(name, new ParseIdPipe(entity));

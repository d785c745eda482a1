import { IsInt, IsString, Min, validate } from 'class-validator';
import { cacheValidationRules } from './validation';

describe('cacheValidationRules', () => {
  beforeAll(() => cacheValidationRules());

  it('gives the rules of a class and its parents, as class-validator found them, again and again', async () => {
    class Line {
      @IsString() category!: string;
      @IsInt() @Min(1) amount!: number;
    }
    class BigLine extends Line {
      @Min(1000) floor!: number;
    }
    const bad = Object.assign(new BigLine(), { category: 7, amount: 0, floor: 5 });
    for (let i = 0; i < 3; i += 1) {
      const errors = await validate(bad);
      expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {}).sort()])).toEqual([
        ['floor', ['min']],
        ['category', ['isString']],
        ['amount', ['min']],
      ]);
    }
    const good = Object.assign(new BigLine(), { category: 'shelter', amount: 5, floor: 5000 });
    await expect(validate(good)).resolves.toEqual([]);
  });

  it('sees a rule added after a class was first validated (a class loaded late)', async () => {
    class Base {
      @IsString() name!: string;
    }
    class Child extends Base {
      count!: unknown;
    }
    const child = Object.assign(new Child(), { name: 'x', count: 'many' });
    expect(await validate(child)).toEqual([]);
    IsInt()(Base.prototype, 'count'); // what a decorator run later does
    const errors = await validate(child);
    expect(errors.map((e) => e.property)).toEqual(['count']);
  });
});

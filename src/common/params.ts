import { Injectable } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { notFound, validationFailed } from './problem.js';

/**
 * A path parameter that must be a UUID; anything else cannot name a record, so 404. Handed on in
 * lower case, the form the database returns: services compare ids as strings.
 */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly what = 'Record') {}
  transform(value: string): string {
    if (!isUUID(value, 'all')) throw notFound(this.what);
    return value.toLowerCase();
  }
}

/** Lower-cases a UUID another pipe has checked (see UuidParam). */
@Injectable()
export class LowerCaseUuid implements PipeTransform<string, string> {
  transform(value: string): string {
    return value.toLowerCase();
  }
}

/** A path parameter that must be a positive integer (a version number). */
@Injectable()
export class PositiveIntParam implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}
  transform(value: string): number {
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
      throw validationFailed([{ field: this.name, message: 'must be a positive whole number' }]);
    }
    return Number(value);
  }
}

/** A path parameter that must look like a key (`intake-interview`); otherwise no such record. */
@Injectable()
export class KeyParam implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}
  transform(value: string): string {
    if (!/^[a-z][a-z0-9-]{1,62}$/.test(value)) throw notFound(this.what);
    return value;
  }
}

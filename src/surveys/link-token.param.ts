import { Injectable } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { isLinkTokenShape } from '../common/link-tokens.js';
import { notFound } from '../common/problem.js';

/** A path parameter that must have the shape of a link token; anything else opens nothing (404, no lookup). */
@Injectable()
export class LinkTokenParam implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}
  transform(value: string): string {
    if (!isLinkTokenShape(value)) throw notFound(this.what);
    return value;
  }
}

import { Global, Module } from '@nestjs/common';
import { SignaturesService } from './signatures.service.js';

@Global()
@Module({ providers: [SignaturesService], exports: [SignaturesService] })
export class SignaturesModule {}

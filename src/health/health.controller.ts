import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/policy.js';
import { OPEN_DATABASE } from '../database/database.module.js';
import type { OpenDatabase } from '../database/database.js';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['embedded', 'server'] }) databaseMode: 'embedded' | 'server';
  @ApiProperty({ description: 'Milliseconds the database took to answer' }) databaseLatencyMs: number | null;
  @ApiProperty({ description: 'Seconds since the service started' }) uptimeSeconds: number;
}

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(OPEN_DATABASE) private readonly db: OpenDatabase) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const started = performance.now();
    let up: boolean;
    try {
      await Promise.race([
        this.db.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
      ]);
      up = true;
    } catch {
      up = false;
    }
    res.status(up ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return {
      status: up ? 'ok' : 'error',
      database: up ? 'up' : 'down',
      databaseMode: this.db.mode,
      databaseLatencyMs: up ? Math.round((performance.now() - started) * 10) / 10 : null,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}

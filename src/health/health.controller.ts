import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { ApiProblems } from '../common/openapi/api-problems';
import { SchemaMigrationsRepository } from './schema-migrations.repository';

class HealthDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
}

class ReadinessDto extends HealthDto {
  @ApiProperty({ example: 2, description: 'Migrations applied to the database' })
  migrations!: number;
}

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly migrations: SchemaMigrationsRepository) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and every migration is applied' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblems(503)
  async ready(): Promise<ReadinessDto> {
    const expected = this.migrations.expected();
    let applied: number;
    try {
      applied = await this.migrations.applied();
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The database does not answer');
    }
    if (applied < expected) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `${expected - applied} migrations are not applied yet`,
      );
    }
    return { status: 'ok', migrations: applied };
  }
}

import { Body, Controller, Injectable, Module, Post, Res } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Public } from '../../src/auth/auth.decorators';
import {
  ApiIdempotencyKey,
  IdempotencyKey,
} from '../../src/common/idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../../src/common/idempotency/idempotency.service';
import { sendIdempotent } from '../../src/common/idempotency/idempotent-reply';

/** The table the probe writes to; tests create it, so no migration carries test-only schema. */
export const PROBE_TABLE_SQL = `
  CREATE TABLE idempotency_probe (
    id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL
  )`;

export interface Hold {
  /** Resolves once the held work has written its row and is waiting. */
  readonly started: Promise<void>;
  readonly release: () => void;
}

/** Lets a test pause the next work mid-transaction, or make it fail after it wrote its row. */
@Injectable()
export class IdempotencyProbeControl {
  failNext = false;
  private held?: { started: () => void; released: Promise<void> };

  holdNext(): Hold {
    let started!: () => void;
    let release!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.held = { started, released };
    return { started: startedPromise, release };
  }

  async checkpoint(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (held) {
      held.started();
      await held.released;
    }
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the probe work failed after writing');
    }
  }
}

class ProbeCreateDto {
  @IsString() @MaxLength(100) name!: string;
}

export interface ProbeCreated {
  readonly id: string;
  /** Stands for the case access token: a secret the stored response must not reveal. */
  readonly secret: string;
}

@Controller('probe/idempotent')
@Public()
class IdempotencyProbeController {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly control: IdempotencyProbeControl,
  ) {}

  @Post()
  @ApiIdempotencyKey()
  async create(
    @Body() body: ProbeCreateDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProbeCreated> {
    const result = await this.idempotency.execute<ProbeCreated>({
      scope: 'probe',
      key,
      request: body,
      work: async (manager) => {
        const [row] = (await manager.query(
          'INSERT INTO idempotency_probe (name) VALUES ($1) RETURNING id',
          [body.name],
        )) as { id: string }[];
        await this.control.checkpoint();
        return { status: 201, body: { id: row.id, secret: randomBytes(24).toString('hex') } };
      },
    });
    return sendIdempotent(reply, result);
  }
}

/** A creating route behind IdempotencyService, as the escalation endpoint uses it. */
@Module({ controllers: [IdempotencyProbeController], providers: [IdempotencyProbeControl] })
export class IdempotencyProbeModule {}

import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEmail, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '../../src/auth/auth.decorators';

class ContactDto {
  @IsEmail() @MaxLength(200) email!: string;
}

class ProbeDto {
  @IsString() @MaxLength(10) name!: string;
  @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;
  @IsString({ each: true }) @ArrayMaxSize(3) tags!: string[];
}

/** Routes that exist only in tests, to drive the HTTP edge through every kind of failure. */
@Controller('probe')
@Public()
class ProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('echo')
  echo(@Body() body: ProbeDto): ProbeDto {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('connect ECONNREFUSED at Object.<anonymous> (/srv/app/secret.ts:12:3)');
  }

  @Get('slow')
  async slow(): Promise<{ done: true }> {
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { done: true };
  }

  @Get('bad-sql')
  async badSql(): Promise<unknown> {
    return this.dataSource.query('SELECT secret_column FROM table_that_does_not_exist');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}

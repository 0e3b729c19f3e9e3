import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/auth.decorators';

const asset = (name: string) => readFileSync(join(__dirname, 'assets', name), 'utf8');

/** The pages' one stylesheet and one script, from memory; the policy allows only these. */
@ApiExcludeController()
@Controller('portal')
@Public()
export class PortalAssetsController {
  private readonly css = asset('portal.css');
  private readonly js = asset('portal.js');

  @Get('portal.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  style(): string {
    return this.css;
  }

  @Get('portal.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  script(): string {
    return this.js;
  }
}

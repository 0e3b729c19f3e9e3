import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';
import { StaffDirectoryRepository } from './staff-directory.repository';
import { StaffNames } from './staff-names';

@Global()
@Module({
  providers: [
    JwtVerifier,
    StaffDirectoryRepository,
    StaffNames,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [JwtVerifier, StaffNames],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { ResolutionViews } from './resolution-views';

/**
 * Read-only, and depends on nothing but the database, so the case module (company view) and the
 * escalation module (customer view) can use it while mediation and decisions depend on cases.
 */
@Module({ providers: [ResolutionViews], exports: [ResolutionViews] })
export class ResolutionViewsModule {}

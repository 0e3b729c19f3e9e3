import { Module } from '@nestjs/common';
import { ComplaintFactsAdapter } from './complaint-facts.adapter';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { FinalResponsesService } from './final-responses.service';
import { ComplaintImportController } from './import/complaint-import.controller';
import { ComplaintImportService } from './import/complaint-import.service';
import { ComplaintFactsPort } from './public/complaint-facts.port';
import { SlaModule } from '../sla/sla.module';

/** The company's first tier. Exports only its published interface (src/frontline/public). */
@Module({
  imports: [SlaModule],
  controllers: [ComplaintsController, ComplaintImportController],
  providers: [
    ComplaintsRepository,
    ComplaintsService,
    FinalResponsesService,
    ComplaintImportService,
    { provide: ComplaintFactsPort, useClass: ComplaintFactsAdapter },
  ],
  exports: [ComplaintFactsPort],
})
export class FrontlineModule {}

/**
 * The Nest module is part of what the front line publishes: importing it gives exactly its
 * exported providers (the ComplaintFactsPort), never its repositories or services.
 */
export { FrontlineModule } from '../frontline.module';

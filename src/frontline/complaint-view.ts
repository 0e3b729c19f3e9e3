import { Money } from '../common/money/money';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintDto, FinalResponseViewDto } from './dto/complaint.dto';
import { ComplaintFacts } from './public/complaint-facts.port';

function offerOf(complaint: ComplaintEntity): Money | null {
  if (complaint.finalResponseOfferMinor === null || complaint.finalResponseOfferCurrency === null) {
    return null;
  }
  return {
    amountMinor: complaint.finalResponseOfferMinor,
    currency: complaint.finalResponseOfferCurrency,
  };
}

function finalResponseOf(complaint: ComplaintEntity): FinalResponseViewDto | null {
  const { finalResponseText: text, finalResponseAt: at, finalResponseBy: by } = complaint;
  if (text === null || at === null || by === null) return null;
  return { text, offer: offerOf(complaint), respondedAt: at.toISOString(), respondedBy: by };
}

export function toComplaintDto(complaint: ComplaintEntity): ComplaintDto {
  return {
    id: complaint.id,
    reference: complaint.reference,
    customer: {
      name: complaint.customerName,
      email: complaint.customerEmail,
      customerNumber: complaint.customerNumber,
    },
    subject: complaint.subject,
    description: complaint.description,
    channel: complaint.channel,
    externalId: complaint.externalId,
    agentId: complaint.agentId,
    source: complaint.source,
    receivedAt: complaint.receivedAt.toISOString(),
    responseDueAt: complaint.responseDueAt.toISOString(),
    finalResponse: finalResponseOf(complaint),
  };
}

export function toComplaintFacts(complaint: ComplaintEntity): ComplaintFacts {
  return {
    reference: complaint.reference,
    agentId: complaint.agentId,
    receivedAt: complaint.receivedAt,
    responseDueAt: complaint.responseDueAt,
    finalResponseAt: complaint.finalResponseAt,
  };
}

import { CompleteLanguageTexts } from './mail-template';

const ref = (reference: string) => `Case ${reference}`;

export const EN: CompleteLanguageTexts = {
  greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
  linkLabel: 'Open the case',
  signOff: 'The Ombudsman’s office',
  footer: 'This message was sent automatically. Please do not reply to it.',
  labels: {
    no_frontline_complaint: 'the company has not yet had the chance to answer your complaint',
    frontline_deadline_running: 'the company’s time to give its final response is still running',
    out_of_time:
      'the complaint was brought to us more than the time allowed after the company’s final response',
    resolved_by_frontline: 'resolved by the company',
    rejected: 'not taken on',
    withdrawn: 'withdrawn by you',
    litigation: 'taken to court',
    settled: 'settled by agreement',
    upheld: 'upheld',
    partially_upheld: 'partially upheld',
    not_upheld: 'not upheld',
    not_accepted: 'decision not accepted',
    lapsed: 'decision not answered in time',
    refund: 'refund',
    goodwill_payment: 'goodwill payment',
    distress_compensation: 'compensation for distress',
    service_credit: 'service credit',
    repair_or_replacement: 'repair or replacement',
    apology: 'apology',
    corrective_action: 'corrective action',
    other: 'remedy',
  },
  templates: {
    case_received: (p) => ({
      subject: `${ref(p.reference)}: we have received your complaint`,
      happened: [
        `We have received your complaint “${p.caseSubject ?? ''}”. Its reference is ${p.reference}; please quote it whenever you contact us.`,
      ],
      action:
        'Nothing is needed from you now. Keep the access token you received when you filed: it opens your case.',
    }),
    referred_to_frontline: (p) => ({
      subject: `${ref(p.reference)}: the company answers first`,
      happened: [
        `Your complaint goes to the company first, because ${p.reason ?? p.reasonCode ?? 'the company must be given the chance to answer it'}.`,
      ],
      action:
        'Wait for the company’s final response. If it does not settle the matter, or no answer comes in time, your case comes back to us.',
    }),
    case_accepted: (p) => ({
      subject: `${ref(p.reference)}: we have taken on your complaint`,
      happened: [
        'We have accepted your complaint for investigation.',
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
      action: 'Nothing is needed from you now; an officer will contact you.',
    }),
    case_refused: (p) => ({
      subject: `${ref(p.reference)}: we cannot take on your complaint`,
      happened: [
        `We cannot take on your complaint${p.reason ? `. Reason: ${p.reason}` : p.reasonCode ? `, because ${p.reasonCode}` : ''}.`,
      ],
      action: 'If you think we got this wrong, reply through your case page within 14 days.',
    }),
    information_requested: (p, date) => ({
      subject: `${ref(p.reference)}: we need information from you`,
      happened: ['The officer handling your case has asked you a question.'],
      action: `Please read the question on your case page and answer it by ${date(p.dueAt)}. The case waits for your answer.`,
    }),
    information_reminder: (p, date) => ({
      subject: `Reminder — ${ref(p.reference)}: your answer is due on ${date(p.dueAt)}`,
      happened: ['We are still waiting for your answer to our question.'],
      action: `Please answer it on your case page by ${date(p.dueAt)}.`,
    }),
    proposal_made: (p, date) => ({
      subject: `${ref(p.reference)}: a proposal to settle your complaint`,
      happened: ['We have put a proposal to settle your complaint to you and to the company.'],
      action: `Please read it on your case page and accept or reject it${p.dueAt ? ` by ${date(p.dueAt)}` : ''}.`,
    }),
    proposal_reminder: (p, date) => ({
      subject: `Reminder — ${ref(p.reference)}: please answer the proposal`,
      happened: ['You have not yet answered the proposal to settle your complaint.'],
      action: `Please accept or reject it on your case page${p.dueAt ? ` by ${date(p.dueAt)}` : ''}.`,
    }),
    decision_issued: (p, date) => ({
      subject: `${ref(p.reference)}: the ombudsman’s decision`,
      happened: [`The ombudsman has decided your complaint: ${p.finding ?? ''}.`],
      action: `Please read the decision on your case page and accept or reject it by ${date(p.dueAt)}. If you accept, it binds the company.`,
    }),
    decision_reminder: (p, date) => ({
      subject: `Reminder — ${ref(p.reference)}: answer the decision by ${date(p.dueAt)}`,
      happened: ['You have not yet answered the ombudsman’s decision.'],
      action: `Please accept or reject it on your case page by ${date(p.dueAt)}; without an answer the decision lapses.`,
    }),
    remedy_paid: (p, date) => ({
      subject: `${ref(p.reference)}: the company reports a remedy as done`,
      happened: [
        `The company has recorded the ${p.remedyType ?? 'remedy'} as done on ${date(p.dueAt)}.`,
      ],
      action: 'If you have not received it, tell us through your case page.',
    }),
    case_closed: (p) => ({
      subject: `${ref(p.reference)}: your case is closed`,
      happened: [
        `Your case is closed: ${p.outcome ?? ''}.`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
      action:
        'Please tell us how we did: you can rate our service and leave a comment on your case page.',
    }),
    access_link: (p) => ({
      subject: `${ref(p.reference)}: your new access link`,
      happened: [
        'You asked for a new way into your case. The link below opens it; earlier access tokens no longer work.',
      ],
      action:
        'Use the link within a few days and keep it private. If you did not ask for it, you can ignore this message.',
    }),
    company_case_referred: (p) => ({
      subject: `${ref(p.reference)}: a complaint is referred to you first`,
      happened: [
        'A customer brought a complaint to the ombudsman that your front line has not yet answered. It is referred to you first.',
      ],
      action: 'Please give the customer your final response within your front-line deadline.',
    }),
    company_information_requested: (p, date) => ({
      subject: `${ref(p.reference)}: the ombudsman asks for information`,
      happened: ['The officer handling the case has asked the company a question.'],
      action: `Please answer it in the company view of the case by ${date(p.dueAt)}.`,
    }),
    company_proposal_made: (p, date) => ({
      subject: `${ref(p.reference)}: a proposal to settle the case`,
      happened: [
        'The ombudsman has put a proposal to settle the case to the customer and to the company.',
      ],
      action: `Please accept or reject it in the company view of the case${p.dueAt ? ` by ${date(p.dueAt)}` : ''}.`,
    }),
    company_decision_issued: (p) => ({
      subject: `${ref(p.reference)}: the ombudsman’s decision`,
      happened: [`The ombudsman has issued a decision on the case: ${p.finding ?? ''}.`],
      action:
        'Read it in the company view of the case. If the customer accepts it, it binds the company and its remedies fall due.',
    }),
    company_remedy_due_soon: (p, date) => ({
      subject: `${ref(p.reference)}: a remedy is due on ${date(p.dueAt)}`,
      happened: [`A ${p.remedyType ?? 'remedy'} owed to the customer is due on ${date(p.dueAt)}.`],
      action: `Please carry it out and record it in the company view of the case by ${date(p.dueAt)}.`,
    }),
    company_remedy_overdue: (p, date) => ({
      subject: `${ref(p.reference)}: a remedy is overdue`,
      happened: [
        `A ${p.remedyType ?? 'remedy'} owed to the customer was due on ${date(p.dueAt)} and is not recorded as done.`,
      ],
      action: 'Please carry it out now and record it in the company view of the case.',
    }),
  },
};

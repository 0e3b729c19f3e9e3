import type { CustomerTextCatalogue } from './customer-texts.catalogue';

export const EN: CustomerTextCatalogue = {
  eligibility: {
    outOfTime: (w) =>
      `The company gave its final response to your complaint ${w.complaintReference} on ${w.finalResponseDate}. ` +
      `We can only take on a complaint that reaches us within ${w.timeLimitMonths} ${w.timeLimitMonths === 1 ? 'month' : 'months'} of the company's final response, which for you meant by ${w.lastDay}, and yours reached us on ${w.filedDate}. ` +
      'If the final response reached you later than the company says, or something kept you from coming to us in time, write to us here and tell us why: the ombudsman can make an exception.',
    noFrontlineComplaint: (w) =>
      `You have not told us about a complaint you made to the company, so we have passed yours on to it as complaint ${w.complaintReference}. ` +
      'The company must have the chance to put things right before the ombudsman can step in.',
    frontlineDeadlineRunning: (w) =>
      (w.dueDate
        ? `The company has not yet given its final response to your complaint ${w.complaintReference}, and it has until ${w.dueDate} to do so. `
        : `The company has not yet given its final response to your complaint ${w.complaintReference}, and its time to do so has not run out. `) +
      'Until then, the company must have the chance to put things right before the ombudsman can step in.',
  },
  active: {
    submitted: {
      status: 'We have received your complaint.',
      nextStep: {
        withDate:
          'We are checking whether your complaint is one we can take on. We will get back to you by {date} to tell you what happens next.',
        withoutDate:
          'We are checking whether your complaint is one we can take on. We will get back to you shortly to tell you what happens next.',
      },
    },
    referred_to_frontline: {
      status:
        'We have passed your complaint to the company so that it can try to resolve it first.',
      nextStep: {
        withDate:
          'The company must give you its final response by {date}. Your case stays on record with us: if you are still unhappy with the answer, or you have had no answer by then, tell us here and we will take it on.',
        withoutDate:
          'The company must now give you its final response. Your case stays on record with us: if you are still unhappy with the answer, or the company does not answer in time, tell us here and we will take it on.',
      },
    },
    accepted: {
      status: 'We have taken on your case.',
      nextStep: {
        withDate:
          'An ombudsman officer will be assigned to your case and will contact you and the company. We aim to give you an outcome by {date}.',
        withoutDate:
          'An ombudsman officer will be assigned to your case and will contact you and the company. We will tell you when you can expect an outcome.',
      },
    },
    investigation: {
      status: 'Your officer is looking into your case.',
      nextStep: {
        withDate:
          'Your officer is reviewing what you and the company have told us and may ask either of you for more information. We aim to give you an outcome by {date}.',
        withoutDate:
          'Your officer is reviewing what you and the company have told us and may ask either of you for more information. We will let you know as soon as there is an outcome.',
      },
    },
    mediation: {
      status: 'Your officer is helping you and the company reach an agreement.',
      nextStep: {
        withDate:
          'Your officer will propose a solution, which you and the company can each accept or reject. If you both accept, that is the agreement; if not, the ombudsman will decide. We aim to give you an outcome by {date}.',
        withoutDate:
          'Your officer will propose a solution, which you and the company can each accept or reject. If you both accept, that is the agreement; if not, the ombudsman will decide.',
      },
    },
    settled: {
      status: 'You and the company have reached an agreement.',
      nextStep: {
        withDate:
          'The company must now do what it agreed to by {date}. We will check that it does; you do not need to do anything.',
        withoutDate:
          'The company must now do what it agreed to. We will check that it does; you do not need to do anything.',
      },
    },
    decision_issued: {
      status: 'The ombudsman has issued a decision on your case.',
      nextStep: {
        withDate:
          'Please read the decision and tell us by {date} whether you accept or reject it. If you accept, the decision is binding on the company. If you reject it, you keep your right to go to court.',
        withoutDate:
          'Please read the decision and tell us whether you accept or reject it. If you accept, the decision is binding on the company. If you reject it, you keep your right to go to court.',
      },
    },
    fulfilment: {
      status: 'The company is carrying out the remedies.',
      nextStep: {
        withDate:
          'The company must carry out the remedies by {date}. We are following this; please tell us here if anything has not happened.',
        withoutDate:
          'The company must now carry out the remedies. We are following this; please tell us here if anything has not happened.',
      },
    },
  },
  rejected: {
    status: 'We are sorry, but we cannot take on your case.',
    nextStep:
      'We can only look at complaints that are brought in time, that are not already before a court, and that come from customers of the company. The explanation on your case says which of these applies to you. You keep your right to pursue your complaint in other ways, including in court.',
  },
  closed: {
    resolved_by_frontline: {
      status: 'Your case is closed: the company has resolved your complaint.',
      nextStep:
        'You do not need to do anything more. If the company does not do what it promised, please contact us.',
    },
    rejected: {
      status: 'Your case is closed because it is not one we can take on.',
      nextStep:
        'The explanation on your case says why. You keep your right to pursue your complaint in other ways, including in court.',
    },
    withdrawn: {
      status: 'Your case is closed because you withdrew it.',
      nextStep:
        'Nothing more will happen on this case. If you change your mind, you can file a new complaint, but the time limits still apply.',
    },
    litigation: {
      status: 'Your case is closed because the dispute has gone to court.',
      nextStep:
        'The court will now decide. We cannot look at a dispute while a court is dealing with it.',
    },
    settled: {
      status: 'Your case is closed: the company has done everything agreed in the settlement.',
      nextStep: 'You do not need to do anything more. We would be glad to hear how we did.',
    },
    upheld: {
      status:
        'Your case is closed: the company has carried out the remedies of the decision, which upheld your complaint.',
      nextStep: 'You do not need to do anything more. We would be glad to hear how we did.',
    },
    partially_upheld: {
      status:
        'Your case is closed: the company has carried out the remedies of the decision, which partly upheld your complaint.',
      nextStep: 'You do not need to do anything more. We would be glad to hear how we did.',
    },
    not_upheld: {
      status:
        'Your case is closed: you accepted the decision, which did not uphold your complaint.',
      nextStep:
        'The company owes nothing further on this complaint. We would be glad to hear how we did.',
    },
    not_accepted: {
      status: 'Your case is closed because you rejected the decision.',
      nextStep:
        'The decision does not bind you, and you keep your right to take the matter to court.',
    },
    lapsed: {
      status: 'Your case is closed because we did not receive your answer to the decision in time.',
      nextStep: 'The decision is not binding, and you keep your right to take the matter to court.',
    },
  },
  closedWithoutOutcome: {
    status: 'Your case is closed.',
    nextStep:
      'Nothing more will happen on this case. If you have a question, please write to us here.',
  },
  timeline: {
    'case.submitted': 'You filed your complaint with the ombudsman.',
    'case.status_changed': 'The status of your case changed.',
    'message.customer': 'You sent us a message.',
    'message.to_customer': 'We sent you a message.',
    'information_request.customer': 'We asked you for more information.',
    'proposal.made': 'Your officer proposed a solution.',
    'decision.issued': 'The ombudsman issued a decision.',
    'proposal.answered': 'A party answered the proposed solution.',
    'proposal.expired':
      'The proposed solution expired before both sides accepted it. Your officer will tell you what happens next.',
    'decision.revised':
      'The ombudsman corrected the decision. The corrected decision replaces the earlier one.',
    'remedy.fulfilled': 'The company reported that it has carried out a remedy.',
    'sla.paused':
      'While we wait for your answer, the time limits for the ombudsman and the company are on hold.',
    'sla.resumed':
      'Thank you for your answer. The time limits run again, extended by the time they were on hold.',
    'document.added': 'A document was added to your case.',
    'document.shared': 'The ombudsman shared a document on your case.',
    'document.withdrawn': 'The ombudsman withdrew a document from your case file.',
    'customer.notified': 'We e-mailed you about your case; the subject of the e-mail is below.',
    other: 'Your case was updated.',
  },
  unnamedHandler: 'Your case handler',
};

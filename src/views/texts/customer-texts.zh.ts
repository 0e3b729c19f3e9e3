import type { CustomerTextCatalogue } from './customer-texts.catalogue';

export const ZH: CustomerTextCatalogue = {
  eligibility: {
    outOfTime: (w) =>
      `该公司已于${w.finalResponseDate}对您的投诉${w.complaintReference}作出最终答复。` +
      `我们只能受理在公司作出最终答复后${w.timeLimitMonths}个月内提交给我们的投诉，也就是说，您的投诉最晚应于${w.lastDay}提交，而我们于${w.filedDate}才收到您的投诉。` +
      '如果最终答复送达您的时间晚于公司所说的日期，或有其他原因使您未能及时向我们提出，请在此告诉我们原因：调解专员可以破例受理。',
    noFrontlineComplaint: (w) =>
      `您没有告诉我们您曾向该公司投诉，因此我们已将您的投诉作为投诉${w.complaintReference}转交给该公司。` +
      '在调解专员介入之前，公司必须先有机会自行解决问题。',
    frontlineDeadlineRunning: (w) =>
      (w.dueDate
        ? `该公司尚未对您的投诉${w.complaintReference}作出最终答复，其答复期限至${w.dueDate}。`
        : `该公司尚未对您的投诉${w.complaintReference}作出最终答复，其答复期限尚未届满。`) +
      '在此之前，应先让公司有机会自行解决问题，调解专员才能介入。',
  },
  active: {
    submitted: {
      status: '我们已收到您的投诉。',
      nextStep: {
        withDate: '我们正在核实您的投诉是否属于我们的受理范围，并将在{date}前告知您下一步安排。',
        withoutDate: '我们正在核实您的投诉是否属于我们的受理范围，并将尽快告知您下一步安排。',
      },
    },
    referred_to_frontline: {
      status: '我们已将您的投诉转交给该公司，请公司先行尝试解决。',
      nextStep: {
        withDate:
          '该公司必须在{date}前给您最终答复。您的案件仍在我们这里登记在案：如果您对答复不满意，或到期仍未收到答复，请在此告诉我们，我们将正式受理您的案件。',
        withoutDate:
          '该公司现在必须给您最终答复。您的案件仍在我们这里登记在案：如果您对答复不满意，或公司未按时答复，请在此告诉我们，我们将正式受理您的案件。',
      },
    },
    accepted: {
      status: '我们已受理您的案件。',
      nextStep: {
        withDate:
          '我们将为您的案件指派一名案件负责人，负责人会与您和该公司联系。我们力争在{date}前给您处理结果。',
        withoutDate:
          '我们将为您的案件指派一名案件负责人，负责人会与您和该公司联系。我们会告诉您预计何时得出处理结果。',
      },
    },
    investigation: {
      status: '案件负责人正在调查您的案件。',
      nextStep: {
        withDate:
          '负责人正在审阅您和该公司提供的材料，可能会请您或公司补充信息。我们力争在{date}前给您处理结果。',
        withoutDate:
          '负责人正在审阅您和该公司提供的材料，可能会请您或公司补充信息。一有结果，我们会立即通知您。',
      },
    },
    mediation: {
      status: '案件负责人正在协助您与该公司达成和解。',
      nextStep: {
        withDate:
          '负责人将提出一个解决方案，您和公司都可以选择接受或拒绝。如果双方都接受，即达成和解；否则将由申诉专员作出裁决。我们力争在{date}前给您处理结果。',
        withoutDate:
          '负责人将提出一个解决方案，您和公司都可以选择接受或拒绝。如果双方都接受，即达成和解；否则将由申诉专员作出裁决。',
      },
    },
    settled: {
      status: '您已与该公司达成和解。',
      nextStep: {
        withDate:
          '该公司必须在{date}前履行和解中约定的事项。我们会跟进落实情况，您无需再做任何事。',
        withoutDate: '该公司现在必须履行和解中约定的事项。我们会跟进落实情况，您无需再做任何事。',
      },
    },
    decision_issued: {
      status: '申诉专员已就您的案件作出裁决。',
      nextStep: {
        withDate:
          '请阅读裁决，并在{date}前告诉我们您接受还是拒绝。如果您接受，裁决对该公司具有约束力；如果您拒绝，您仍保留向法院起诉的权利。',
        withoutDate:
          '请阅读裁决，并告诉我们您接受还是拒绝。如果您接受，裁决对该公司具有约束力；如果您拒绝，您仍保留向法院起诉的权利。',
      },
    },
    fulfilment: {
      status: '该公司正在落实补救措施。',
      nextStep: {
        withDate:
          '该公司必须在{date}前落实各项补救措施。我们正在跟进；如有任何事项未完成，请在此告诉我们。',
        withoutDate:
          '该公司现在必须落实各项补救措施。我们正在跟进；如有任何事项未完成，请在此告诉我们。',
      },
    },
  },
  rejected: {
    status: '很抱歉，我们无法受理您的案件。',
    nextStep:
      '我们只能受理在时限内提出、尚未进入诉讼程序、且由该公司客户提出的投诉。适用于您的原因请见您案件中的说明。您仍可通过其他途径（包括向法院起诉）解决您的投诉。',
  },
  closed: {
    resolved_by_frontline: {
      status: '您的案件已结案：该公司已解决您的投诉。',
      nextStep: '您无需再做任何事。如果公司没有兑现承诺，请与我们联系。',
    },
    rejected: {
      status: '您的案件已结案，因为它不属于我们的受理范围。',
      nextStep: '具体原因请见您案件中的说明。您仍可通过其他途径（包括向法院起诉）解决您的投诉。',
    },
    withdrawn: {
      status: '您的案件已结案，因为您撤回了投诉。',
      nextStep: '此案件不会再有任何进展。如果您改变主意，可以重新提交投诉，但投诉时限仍然适用。',
    },
    litigation: {
      status: '您的案件已结案，因为该争议已进入诉讼程序。',
      nextStep: '现在将由法院作出判决。在法院审理期间，我们无法处理该争议。',
    },
    settled: {
      status: '您的案件已结案：该公司已履行和解中约定的全部事项。',
      nextStep: '您无需再做任何事。欢迎您对我们的服务提出评价。',
    },
    upheld: {
      status: '您的案件已结案：裁决支持了您的投诉，该公司已落实裁决中的补救措施。',
      nextStep: '您无需再做任何事。欢迎您对我们的服务提出评价。',
    },
    partially_upheld: {
      status: '您的案件已结案：裁决部分支持了您的投诉，该公司已落实裁决中的补救措施。',
      nextStep: '您无需再做任何事。欢迎您对我们的服务提出评价。',
    },
    not_upheld: {
      status: '您的案件已结案：您接受了裁决，该裁决未支持您的投诉。',
      nextStep: '就此投诉，该公司无需再承担任何责任。欢迎您对我们的服务提出评价。',
    },
    not_accepted: {
      status: '您的案件已结案，因为您拒绝了裁决。',
      nextStep: '该裁决对您没有约束力，您仍保留向法院起诉的权利。',
    },
    lapsed: {
      status: '您的案件已结案，因为我们未在期限内收到您对裁决的答复。',
      nextStep: '该裁决不具有约束力，您仍保留向法院起诉的权利。',
    },
  },
  closedWithoutOutcome: {
    status: '您的案件已结案。',
    nextStep: '此案件不会再有任何进展。如有疑问，请在此给我们留言。',
  },
  timeline: {
    'case.submitted': '您向申诉专员提交了投诉。',
    'case.status_changed': '您的案件状态已更新。',
    'message.customer': '您给我们发送了一条消息。',
    'message.to_customer': '我们给您发送了一条消息。',
    'information_request.customer': '我们请您补充信息。',
    'proposal.made': '案件负责人提出了解决方案。',
    'decision.issued': '申诉专员作出了裁决。',
    'proposal.answered': '一方已对提出的解决方案作出答复。',
    'proposal.expired': '提出的解决方案在双方接受之前已过期。您的专员会告诉您接下来的安排。',
    'decision.revised': '申诉专员更正了裁决，更正后的裁决取代原裁决。',
    'remedy.fulfilled': '公司报告已履行一项补救措施。',
    'sla.paused': '在等待您答复期间，申诉专员和公司的处理期限暂停计算。',
    'sla.resumed': '感谢您的答复。处理期限恢复计算，并顺延暂停的时间。',
    'document.added': '您的案件中新增了一份文件。',
    'document.shared': '调解专员共享了您案件中的一份文件。',
    'document.withdrawn': '调解专员从您的案件材料中撤回了一份文件。',
    'customer.notified': '我们就您的案件给您发送了一封电子邮件，邮件主题见下方。',
    other: '您的案件有新的进展。',
  },
  unnamedHandler: '您的案件处理人',
};

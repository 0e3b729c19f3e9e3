import { LanguageTexts } from './mail-template';

const ref = (reference: string) => `案件 ${reference}`;

export const ZH: LanguageTexts = {
  greeting: (name) => (name ? `${name}，您好：` : '您好：'),
  linkLabel: '打开案件',
  signOff: '申诉专员办公室',
  footer: '此邮件由系统自动发送，请勿回复。',
  labels: {
    no_frontline_complaint: '公司尚未有机会答复您的投诉',
    frontline_deadline_running: '公司作出最终答复的期限尚未届满',
    out_of_time: '投诉在公司最终答复后超过了允许的期限',
    resolved_by_frontline: '已由公司解决',
    rejected: '未予受理',
    withdrawn: '已由您撤回',
    litigation: '已诉诸法院',
    settled: '已达成和解',
    upheld: '投诉成立',
    partially_upheld: '投诉部分成立',
    not_upheld: '投诉不成立',
    not_accepted: '未接受决定',
    lapsed: '未在期限内答复决定',
    refund: '退款',
    goodwill_payment: '善意补偿',
    distress_compensation: '精神损害赔偿',
    service_credit: '服务抵扣',
    repair_or_replacement: '维修或更换',
    apology: '道歉',
    corrective_action: '纠正措施',
    other: '补救措施',
  },
  templates: {
    case_received: (p) => ({
      subject: `${ref(p.reference)}：我们已收到您的投诉`,
      happened: [
        `我们已收到您的投诉“${p.caseSubject ?? ''}”。编号为 ${p.reference}，联系我们时请注明。`,
      ],
      action: '目前无需您做任何事。请保管好提交时收到的访问令牌，它可以打开您的案件。',
    }),
    referred_to_frontline: (p) => ({
      subject: `${ref(p.reference)}：先由公司答复`,
      happened: [
        `您的投诉先转交公司处理，原因是：${p.reason ?? p.reasonCode ?? '公司应有机会先行答复'}。`,
      ],
      action: '请等待公司的最终答复。如果答复未能解决问题或未按时答复，案件将回到我们这里。',
    }),
    case_accepted: (p) => ({
      subject: `${ref(p.reference)}：我们已受理您的投诉`,
      happened: ['我们已受理您的投诉并将进行调查。', ...(p.reason ? [`原因：${p.reason}`] : [])],
      action: '目前无需您做任何事，专员会与您联系。',
    }),
    case_refused: (p) => ({
      subject: `${ref(p.reference)}：我们无法受理您的投诉`,
      happened: [
        `我们无法受理您的投诉。${p.reason ? `原因：${p.reason}` : p.reasonCode ? `原因：${p.reasonCode}` : ''}`,
      ],
      action: '如您认为有误，请在 14 天内通过案件页面告知我们。',
    }),
    information_requested: (p, date) => ({
      subject: `${ref(p.reference)}：需要您提供信息`,
      happened: ['负责您案件的专员向您提出了一个问题。'],
      action: `请在案件页面阅读问题，并于 ${date(p.dueAt)} 前答复。案件将等待您的答复。`,
    }),
    information_reminder: (p, date) => ({
      subject: `提醒 — ${ref(p.reference)}：请于 ${date(p.dueAt)} 前答复`,
      happened: ['我们仍在等待您对问题的答复。'],
      action: `请于 ${date(p.dueAt)} 前在案件页面答复。`,
    }),
    proposal_made: (p, date) => ({
      subject: `${ref(p.reference)}：和解方案`,
      happened: ['我们已向您和公司提出了解决投诉的方案。'],
      action: `请在案件页面阅读并${p.dueAt ? `于 ${date(p.dueAt)} 前` : ''}接受或拒绝。`,
    }),
    proposal_reminder: (p, date) => ({
      subject: `提醒 — ${ref(p.reference)}：请答复和解方案`,
      happened: ['您尚未答复和解方案。'],
      action: `请${p.dueAt ? `于 ${date(p.dueAt)} 前` : ''}在案件页面接受或拒绝。`,
    }),
    decision_issued: (p, date) => ({
      subject: `${ref(p.reference)}：申诉专员的决定`,
      happened: [`申诉专员已就您的投诉作出决定：${p.finding ?? ''}。`],
      action: `请在案件页面阅读决定，并于 ${date(p.dueAt)} 前接受或拒绝。您接受后，决定对公司具有约束力。`,
    }),
    decision_reminder: (p, date) => ({
      subject: `提醒 — ${ref(p.reference)}：请于 ${date(p.dueAt)} 前答复决定`,
      happened: ['您尚未答复申诉专员的决定。'],
      action: `请于 ${date(p.dueAt)} 前在案件页面接受或拒绝；逾期未答复，决定将失效。`,
    }),
    remedy_paid: (p, date) => ({
      subject: `${ref(p.reference)}：公司报告补救措施已完成`,
      happened: [`公司已于 ${date(p.dueAt)} 将“${p.remedyType ?? '补救措施'}”记录为已完成。`],
      action: '如您尚未收到，请通过案件页面告知我们。',
    }),
    case_closed: (p) => ({
      subject: `${ref(p.reference)}：您的案件已结案`,
      happened: [
        `您的案件已结案：${p.outcome ?? ''}。`,
        ...(p.reason ? [`原因：${p.reason}`] : []),
      ],
      action: '请告诉我们您的体验：您可以在案件页面为我们的服务评分并留言。',
    }),
    access_link: (p) => ({
      subject: `${ref(p.reference)}：您的新访问链接`,
      happened: ['您申请了新的案件访问方式。下方链接可打开案件；之前的访问令牌已失效。'],
      action: '请在几天内使用该链接，并妥善保管。如果不是您本人申请，请忽略此邮件。',
    }),
    company_case_referred: (p) => ({
      subject: `${ref(p.reference)}：投诉先转交贵公司`,
      happened: ['一位客户就贵公司一线尚未答复的投诉向申诉专员提出申请，现先转交贵公司处理。'],
      action: '请在一线答复期限内向客户作出最终答复。',
    }),
    company_information_requested: (p, date) => ({
      subject: `${ref(p.reference)}：申诉专员要求提供信息`,
      happened: ['负责该案件的专员向公司提出了一个问题。'],
      action: `请于 ${date(p.dueAt)} 前在公司视图中答复。`,
    }),
    company_proposal_made: (p, date) => ({
      subject: `${ref(p.reference)}：和解方案`,
      happened: ['申诉专员已向客户和公司提出和解方案。'],
      action: `请${p.dueAt ? `于 ${date(p.dueAt)} 前` : ''}在公司视图中接受或拒绝。`,
    }),
    company_decision_issued: (p) => ({
      subject: `${ref(p.reference)}：申诉专员的决定`,
      happened: [`申诉专员已就该案件作出决定：${p.finding ?? ''}。`],
      action: '请在公司视图中阅读。客户接受后，决定对公司具有约束力，补救措施随即到期。',
    }),
    company_remedy_due_soon: (p, date) => ({
      subject: `${ref(p.reference)}：补救措施将于 ${date(p.dueAt)} 到期`,
      happened: [`应向客户提供的“${p.remedyType ?? '补救措施'}”将于 ${date(p.dueAt)} 到期。`],
      action: `请于 ${date(p.dueAt)} 前完成并在公司视图中记录。`,
    }),
    company_remedy_overdue: (p, date) => ({
      subject: `${ref(p.reference)}：补救措施已逾期`,
      happened: [
        `应向客户提供的“${p.remedyType ?? '补救措施'}”已于 ${date(p.dueAt)} 到期，但尚未记录为完成。`,
      ],
      action: '请立即完成并在公司视图中记录。',
    }),
  },
};

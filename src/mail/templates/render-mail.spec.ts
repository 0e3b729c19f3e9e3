import { MAIL_LANGUAGES, MAIL_TEMPLATES } from './mail-template';
import { MAIL_TEXTS, oneLine, renderMail } from './render-mail';

const PARAMS = {
  reference: 'OMB-2026-000001',
  recipientName: 'Anna\r\nBcc: victim@example.org',
  caseSubject: '<script>alert(1)</script>',
  dueAt: '2026-05-14T10:00:00.000Z',
  reason: 'Because <b>reasons</b>',
  reasonCode: 'no_frontline_complaint',
  outcome: 'upheld',
  finding: 'partially_upheld',
  remedyType: 'refund',
};

describe('mail templates', () => {
  it.each(MAIL_LANGUAGES)('every template has a text in %s', (language) => {
    const missing = MAIL_TEMPLATES.filter((t) => MAIL_TEXTS[language].templates[t] === undefined);
    expect(missing).toEqual([]);
  });

  it.each(MAIL_TEMPLATES.flatMap((t) => MAIL_LANGUAGES.map((l) => [t, l] as const)))(
    '%s in %s names the reference, the link and never raw markup',
    (template, language) => {
      const mail = renderMail(
        template,
        language,
        PARAMS,
        'https://o.example/cases/OMB-2026-000001',
      );
      expect(mail.fellBack).toBe(false);
      expect(mail.subject).toContain('OMB-2026-000001');
      expect(mail.text).toContain('https://o.example/cases/OMB-2026-000001');
      expect(mail.html).not.toMatch(/<script|<b>/);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    },
  );

  it('dates are written in the reader’s language', () => {
    const due = { ...PARAMS, dueAt: '2026-05-14T10:00:00.000Z' };
    expect(renderMail('information_requested', 'en', due, 'x').text).toContain('14 May 2026');
    expect(renderMail('information_requested', 'ru', due, 'x').text).toContain('14 мая 2026');
    expect(renderMail('information_requested', 'zh', due, 'x').text).toContain('2026年5月14日');
  });

  it('codes become words of the reader’s language', () => {
    expect(renderMail('case_closed', 'ru', PARAMS, 'x').text).toContain('жалоба удовлетворена');
    expect(renderMail('decision_issued', 'en', PARAMS, 'x').text).toContain('partially upheld');
  });

  it('a language without the template falls back to English and says so', () => {
    const zhTemplates = MAIL_TEXTS.zh.templates as Record<string, unknown>;
    const saved = zhTemplates.case_received;
    delete zhTemplates.case_received;
    try {
      const mail = renderMail('case_received', 'zh', PARAMS, 'x');
      expect(mail).toMatchObject({ language: 'en', fellBack: true });
      expect(mail.subject).toContain('we have received your complaint');
    } finally {
      zhTemplates.case_received = saved;
    }
  });

  it('one-line values lose every line break', () => {
    expect(oneLine('a\r\nb\u2028c\td')).toBe('a b c d');
  });
});

import { buildQueueQuery } from '../src/cases/queue/case-queue.sql';
import { parseSearch } from '../src/cases/queue/search-terms';
import { fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const QUEUE = '/v1/admin/cases';

async function search(t: TestApp, query: Record<string, string>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await t
      .http()
      .get(QUEUE)
      .query(cursor === undefined ? query : { ...query, cursor })
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .expect(200);
    seen.push(...(res.body.items as { reference: string }[]).map((item) => item.reference));
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return seen;
}

describe('searching the case queue', () => {
  let t: TestApp;
  const ref: Record<string, string> = {};

  const file = async (name: string, overrides: Record<string, unknown>) => {
    ref[name] = (await fileCase(t, overrides)).reference;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await file('alena', {
      customer: { name: 'Алёна Королёва', email: 'alena.k@example.ru' },
      subject: 'Отказ в возврате денег',
      description: 'Продавец не принял товар обратно.',
      preferredLanguage: 'ru',
    });
    await file('elena', {
      customer: { name: 'Елена Смирнова', email: 'e.smirnova@example.ru' },
      subject: 'Задержка доставки',
      description: 'Посылка пришла через месяц.',
      category: 'delivery',
      preferredLanguage: 'ru',
    });
    await file('english', {
      customer: { name: 'Bob Baker', email: 'bob@example.org' },
      subject: 'Blender broke after a week',
      description: 'The shop REFUSED a REFUND for the blender. Price: abc%def.',
    });
    await file('refundZh', {
      customer: { name: '王芳', email: 'wang.fang@example.cn' },
      subject: '退款被拒绝',
      description: '商家拒绝退款。',
      preferredLanguage: 'zh',
    });
    await file('paymentZh', {
      customer: { name: '李娜', email: 'li.na@example.cn' },
      subject: '货款未到账',
      description: '订单付了两次。',
      preferredLanguage: 'zh',
    });
    await file('returnZh', {
      customer: { name: '张伟', email: 'zhang.wei@example.cn' },
      subject: '退货问题',
      description: '快递延误。',
      preferredLanguage: 'zh',
    });
  });
  afterAll(() => t.close());

  const expectFound = async (q: string, names: string[], extra: Record<string, string> = {}) => {
    const found = await search(t, { q, ...extra });
    expect([...found].sort()).toEqual(names.map((name) => ref[name]).sort());
  };

  it('finds a case by its full reference and by a part of it', async () => {
    await expectFound(ref.english, ['english']);
    await expectFound(ref.english.toLowerCase(), ['english']);
    await expectFound(ref.english.slice('OMB-'.length), ['english']);
  });

  it('finds a case by the customer’s e-mail', async () => {
    await expectFound('alena.k@example.ru', ['alena']);
  });

  it.each(['Алёна', 'алена', 'АЛЕНА', 'алёна', 'королева'])(
    'finds Алёна Королёва by %s: case and ё/е do not matter',
    async (q) => {
      await expectFound(q, ['alena']);
    },
  );

  it('finds English words whatever their case', async () => {
    await expectFound('refund', ['english']);
    await expectFound('Blender', ['english']);
  });

  it('finds 退款 in cases that have the word, not in those with only 退 or 款', async () => {
    await expectFound('退款', ['refundZh']);
  });

  it('finds 款 in every case with the character', async () => {
    await expectFound('款', ['refundZh', 'paymentZh']);
  });

  it('finds longer Chinese phrases only in that order', async () => {
    await expectFound('退款被拒绝', ['refundZh']);
    await expectFound('拒绝退款', ['refundZh']);
    await expectFound('款退', []);
  });

  it('wants every word: алена возврат finds her, алена доставка does not', async () => {
    await expectFound('алена возврат', ['alena']);
    await expectFound('алена доставки', []);
  });

  it('takes % and _ literally', async () => {
    await expectFound('abc%def', ['english']);
    await expectFound('abc%', ['english']);
    await expectFound('re_und', []);
  });

  it('combines search with filters and pages through the results', async () => {
    await expectFound('款', ['refundZh', 'paymentZh'], { limit: '1' });
    await expectFound('example.ru', ['alena', 'elena'], { limit: '1' });
    await expectFound('example.ru', ['alena'], {
      category: 'billing',
      status: 'referred_to_frontline',
    });
    await expectFound('example.ru', [], { status: 'closed' });
  });

  it.each(['ab', 'a b', '   ', '%%'])(
    'refuses q=%j, which no index can serve, with 400',
    async (q) => {
      const res = await t
        .http()
        .get(QUEUE)
        .query({ q })
        .set('authorization', `Bearer ${t.token('auditor')}`)
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    },
  );
});

describe('searching a large table', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // 20,000 cases of everyday text, then a few that hold the words searched for below.
    await t.dataSource.query(`
      INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, subject,
        description, category, language, access_token_hash, created_at, updated_at)
      SELECT 'OMB-2000-' || lpad(i::text, 6, '0'), 'investigation',
             (ARRAY['Ivan Petrov', 'Мария Иванова',
                    -- Given names from 300 characters, each in some twenty cases, as in life
                    -- (all within U+4E00–U+6A2C, so never 款 or 退).
                    '陈' || chr(19968 + 24 * (i * 7919 % 300)) || chr(19969 + 24 * (i * 104729 % 300))
                   ])[1 + i % 3],
             'customer.' || i || '@example.org',
             (ARRAY['Parcel arrived late', 'Посылка пришла поздно', '包裹晚到了'])[1 + i % 3],
             (ARRAY['The complaint is about delivery number ', 'Жалоба на доставку номер ',
                    '关于快递的投诉 '])[1 + i % 3] || i,
             'delivery', (ARRAY['en', 'ru', 'zh'])[1 + i % 3], sha256(int4send(i)),
             now() - i * interval '1 minute', now() - i * interval '1 minute'
        FROM generate_series(1, 20000) AS i`);
    await t.dataSource.query(`
      UPDATE ombudsman_case
         SET customer_name = 'Алёна Королёва',
             subject = 'Refund refused / Отказ в возврате',
             description = '商家拒绝退款。'
       WHERE reference IN ('OMB-2000-000137', 'OMB-2000-007331', 'OMB-2000-015029')`);
    // What autovacuum does to a table that grew: statistics, and GIN pending lists merged.
    await t.dataSource.query('VACUUM (ANALYZE) ombudsman_case');
  });
  afterAll(() => t.close());

  const explain = async (q: string): Promise<string> => {
    const sql = buildQueueQuery({
      statuses: [],
      assignee: null,
      category: null,
      terms: parseSearch(q),
      after: null,
      fetch: 26,
    });
    const rows = (await t.dataSource.query(`EXPLAIN ${sql.text}`, sql.values)) as {
      'QUERY PLAN': string;
    }[];
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  it.each([
    ['Russian', 'алена', 'ix_ombudsman_case_search_trgm'],
    ['English', 'Refund', 'ix_ombudsman_case_search_trgm'],
    ['one Chinese character', '款', 'ix_ombudsman_case_search_cjk'],
    ['two Chinese characters', '退款', 'ix_ombudsman_case_search_cjk'],
  ])(
    'answers a rare %s word (%s) from its index, never by reading every case',
    async (_, q, index) => {
      const plan = await explain(q);
      expect(plan).toContain(`Bitmap Index Scan on ${index}`);
      expect(plan).not.toMatch(/Seq Scan on ombudsman_case/);
    },
  );

  it.each(['complaint', 'доставку', '快递'])(
    'answers a common word (%s) by walking the queue order, not a sequential scan',
    async (q) => {
      const plan = await explain(q);
      expect(plan).toMatch(/Index Scan (Backward )?using ix_ombudsman_case_created/);
      expect(plan).not.toMatch(/Seq Scan on ombudsman_case/);
    },
  );

  it('finds the three cases among twenty thousand, whichever way it is asked', async () => {
    const expected = ['OMB-2000-000137', 'OMB-2000-007331', 'OMB-2000-015029'];
    for (const q of ['алена', 'Refund', '款', '退款', 'королёва возврате']) {
      expect(await search(t, { q, limit: '2' })).toEqual(expected);
    }
  });
});

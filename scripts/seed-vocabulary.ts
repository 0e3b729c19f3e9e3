/**
 * Words the seeded cases are made of, per language: the words staff really search for (refund,
 * возврат, 退款, 款) appear in many cases, names and surnames in fewer, as in a real queue.
 */
export interface LanguageVocabulary {
  /** Name parts that go together (Russian surnames follow the first name's gender). */
  readonly people: readonly {
    readonly first: readonly string[];
    readonly last: readonly string[];
  }[];
  /** Chinese names are written surname first, without a space. */
  readonly surnameFirst: boolean;
  /** The e-mail's local part: from the name (`alice.smith.42`) or a fixed prefix (`klient.42`). */
  readonly emailPrefix: string | null;
  readonly emailDomain: string;
  readonly subjects: readonly string[];
  readonly sentences: readonly string[];
  /** `%s` is replaced by the order number. */
  readonly orderLine: string;
  readonly desiredOutcomes: readonly string[];
  readonly currencies: readonly string[];
}

export type SeedLanguage = 'en' | 'ru' | 'zh';

export const VOCABULARY: Record<SeedLanguage, LanguageVocabulary> = {
  en: {
    people: [
      {
        first: ['Alice', 'Bob', 'Charlotte', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Isla'],
        last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas'],
      },
    ],
    surnameFirst: false,
    emailPrefix: null,
    emailDomain: 'example.org',
    subjects: [
      'Refund refused',
      'Late delivery',
      'Faulty washing machine',
      'Charged twice for one order',
      'Contract cancelled without notice',
      'Broadband speed far below the contract',
      'Personal data shared without consent',
      'Warranty repair refused',
    ],
    sentences: [
      'I returned the goods on time but the refund was refused.',
      'The parcel arrived two weeks late and the box was damaged.',
      'My card was charged twice for the same order.',
      'Customer service has not answered my complaint for a month.',
      'The engineer never came although I took a day off work.',
      'I ask for a refund of the deposit and compensation for the delay.',
      'The product stopped working after three weeks.',
      'They keep sending invoices for a contract I cancelled.',
    ],
    orderLine: 'Order number %s.',
    desiredOutcomes: ['Full refund', 'Replacement', 'Compensation for the delay', 'An apology'],
    currencies: ['GBP', 'EUR', 'USD'],
  },
  ru: {
    people: [
      {
        first: ['Алёна', 'Анна', 'Ольга', 'Наталья', 'Мария', 'Елена'],
        last: ['Королёва', 'Петрова', 'Соколова', 'Фёдорова', 'Смирнова'],
      },
      {
        first: ['Пётр', 'Сергей', 'Фёдор', 'Артём', 'Дмитрий'],
        last: ['Королёв', 'Иванов', 'Смирнов', 'Лебедев', 'Соколов'],
      },
    ],
    surnameFirst: false,
    emailPrefix: 'klient',
    emailDomain: 'mail.example.ru',
    subjects: [
      'Отказ в возврате денег',
      'Задержка доставки',
      'Некачественный товар',
      'Двойное списание оплаты',
      'Расторжение договора без уведомления',
      'Возврат средств за отменённый заказ',
      'Отказ в гарантийном ремонте',
    ],
    sentences: [
      'Я вернул товар вовремя, но в возврате денег отказали.',
      'Посылка пришла с опозданием на две недели, коробка повреждена.',
      'С карты дважды списали оплату за один заказ.',
      'Продавец уже месяц не отвечает на претензию.',
      'Прошу вернуть деньги за некачественный товар и возместить расходы.',
      'Мастер так и не пришёл, хотя я отпросился с работы.',
      'Ёмкость аккумулятора оказалась вдвое меньше заявленной.',
    ],
    orderLine: 'Заказ № %s.',
    desiredOutcomes: ['Полный возврат денег', 'Замена товара', 'Компенсация', 'Извинения'],
    currencies: ['RUB'],
  },
  zh: {
    people: [
      {
        first: ['芳', '娜', '伟', '洋', '静', '敏', '磊', '婷', '建国', '秀英'],
        last: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'],
      },
    ],
    surnameFirst: true,
    emailPrefix: 'kehu',
    emailDomain: 'example.cn',
    subjects: [
      '退款被拒绝',
      '快递延误',
      '产品质量问题',
      '同一订单重复扣款',
      '合同被单方面解除',
      '保修维修被拒',
      '个人信息被泄露',
    ],
    sentences: [
      '我按时退货了，但是退款被拒绝。',
      '包裹晚到了两个星期，而且外包装已经损坏。',
      '同一个订单被扣了两次款。',
      '客服一个月都没有回复我的投诉。',
      '请退还质量有问题的商品的货款并赔偿损失。',
      '维修人员一直没有上门。',
      '合同条款与销售时的承诺不一致。',
    ],
    orderLine: '订单号 %s。',
    desiredOutcomes: ['全额退款', '更换商品', '赔偿损失', '书面道歉'],
    currencies: ['CNY'],
  },
};

/** Staff the seeded cases are assigned to. */
export const OFFICERS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'olga', name: 'Ольга Орлова' },
  { id: 'ivan', name: 'Иван Ёлкин' },
  { id: 'li.wei', name: '李伟' },
  { id: 'alice', name: 'Alice Archer' },
  { id: 'bob', name: 'Bob Baker' },
  { id: 'chen.jing', name: '陈静' },
];

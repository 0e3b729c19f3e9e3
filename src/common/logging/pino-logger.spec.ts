import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger } from './pino-logger';

describe('Nest loggers writing to pino', () => {
  it('keep the fields, the text and the context of `logger.warn({ … }, text)`', () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString('utf8'));
        done();
      },
    });
    const nest = new NestPinoLogger(createLogger('info', stream));
    nest.warn({ template: 'case_received' }, 'sent in English', 'Mail');
    nest.warn('plain words', 'Mail');
    const [withFields, plain] = chunks
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(withFields).toMatchObject({
      level: 40,
      context: 'Mail',
      template: 'case_received',
      msg: 'sent in English',
    });
    expect(plain).toMatchObject({ level: 40, context: 'Mail', msg: 'plain words' });
  });
});

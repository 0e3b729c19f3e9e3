import { classifySendFailure } from './smtp-failure';

function smtpError(responseCode: number | undefined, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

describe('classifySendFailure', () => {
  it('a 5xx reply is permanent', () => {
    expect(classifySendFailure(smtpError(550, '550 no such user')).permanent).toBe(true);
  });

  it('a 4xx reply is temporary', () => {
    expect(classifySendFailure(smtpError(451, '451 try later')).permanent).toBe(false);
  });

  it('no reply (connection refused, timeout) is temporary', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' });
    expect(classifySendFailure(refused)).toEqual({
      permanent: false,
      error: 'connect ECONNREFUSED',
    });
  });

  it('keeps the error on one line and short', () => {
    const failure = classifySendFailure(smtpError(421, `421 busy\r\n${'x'.repeat(900)}`));
    expect(failure.error).not.toMatch(/[\r\n]/);
    expect(failure.error.length).toBeLessThanOrEqual(500);
  });
});

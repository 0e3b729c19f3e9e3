import { readTracingConfig } from './tracing-config';

describe('the tracing settings', () => {
  it('are off without an OTLP endpoint', () => {
    expect(readTracingConfig({})).toEqual({ enabled: false, serviceName: 'ombudsman-service' });
  });

  it('are on with an endpoint, for all signals or traces alone, unless the SDK is disabled', () => {
    expect(
      readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled,
    ).toBe(true);
    expect(
      readTracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/v1/traces' })
        .enabled,
    ).toBe(true);
    expect(
      readTracingConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_SDK_DISABLED: 'true',
        OTEL_SERVICE_NAME: 'ombudsman-eu',
      }),
    ).toEqual({ enabled: false, serviceName: 'ombudsman-eu' });
  });

  it('refuses an endpoint that is not an http URL', () => {
    expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' })).toThrow(
      /^Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT /,
    );
  });
});

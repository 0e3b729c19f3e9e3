import { TracingConfig } from './app-config';
import { ConfigError } from './config-error';
import { readBool, readText } from './parsers';

type Env = Record<string, string | undefined>;

/**
 * OpenTelemetry traces are on when an OTLP endpoint is named (`OTEL_EXPORTER_OTLP_ENDPOINT`, or
 * the traces-only `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and `OTEL_SDK_DISABLED` is not true. The
 * SDK reads the other standard `OTEL_*` settings (protocol, headers, sampling) itself.
 */
export function readTracingConfig(env: Env = process.env): TracingConfig {
  const endpointSetting = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
    : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const endpoint = readText(env, endpointSetting, 2000);
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new ConfigError(endpointSetting, 'must be an http(s) URL such as http://collector:4318');
  }
  const disabled = readBool(env, 'OTEL_SDK_DISABLED', false);
  return {
    enabled: endpoint !== undefined && !disabled,
    serviceName: readText(env, 'OTEL_SERVICE_NAME', 200) ?? 'ombudsman-service',
  };
}

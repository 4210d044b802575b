import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config';
import { problemsOf, requiredEnv } from './config-spec-env';

describe('configuration of metrics, the worker HTTP server and the codec endpoint', () => {
  it('defaults: worker HTTP on loopback 3001, SDK exporter on a free port, open /metrics, the dev UI as CORS origin', () => {
    const config = loadConfig(requiredEnv());
    assert.deepEqual(config.worker.http, { host: '127.0.0.1', port: 3001 });
    assert.equal(config.worker.sdkMetricsPort, 0);
    assert.equal(config.metrics.token, null);
    assert.deepEqual(config.codec.corsOrigins, ['http://127.0.0.1:8233']);
  });

  it("takes the CORS origin from TEMPORAL_UI_URL, unless CODEC_CORS_ORIGINS names them", () => {
    assert.deepEqual(loadConfig({ ...requiredEnv(), TEMPORAL_UI_URL: 'https://temporal.example.com/ui/' }).codec.corsOrigins, ['https://temporal.example.com']);
    const both = loadConfig({ ...requiredEnv(), TEMPORAL_UI_URL: 'http://localhost:8080', CODEC_CORS_ORIGINS: 'https://a.example, http://127.0.0.1:8233/' });
    assert.deepEqual(both.codec.corsOrigins, ['https://a.example', 'http://127.0.0.1:8233']);
    assert.deepEqual(loadConfig({ ...requiredEnv(), CODEC_CORS_ORIGINS: '' }).codec.corsOrigins, ['http://127.0.0.1:8233'], 'empty is unset');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...requiredEnv(), WORKER_HTTP_HOST: '0.0.0.0', WORKER_HTTP_PORT: '9100', WORKER_SDK_METRICS_PORT: '9464', METRICS_TOKEN: 'scrape-me-0123456789',
    });
    assert.deepEqual([config.worker.http, config.worker.sdkMetricsPort, config.metrics.token], [{ host: '0.0.0.0', port: 9100 }, 9464, 'scrape-me-0123456789']);
  });

  it('names what is wrong', () => {
    assert.deepEqual(problemsOf({ WORKER_HTTP_PORT: '70000' }), ['WORKER_HTTP_PORT must be a port number (0-65535)']);
    assert.deepEqual(problemsOf({ METRICS_TOKEN: 'short' }), ['METRICS_TOKEN must be 16 to 256 printable characters without spaces']);
    assert.deepEqual(problemsOf({ METRICS_TOKEN: 'has a space in it somewhere' }), ['METRICS_TOKEN must be 16 to 256 printable characters without spaces']);
    const [origin] = problemsOf({ CODEC_CORS_ORIGINS: 'http://ui.example/path,ftp://x' });
    assert.match(origin, /^CODEC_CORS_ORIGINS must be http\(s\) origins like http:\/\/127\.0\.0\.1:8233, comma-separated, without a path \(not "http:\/\/ui\.example\/path", "ftp:\/\/x"\)$/);
  });
});

import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', payload.length);
  response.end(payload);
}

export function sendNoContent(response: ServerResponse): void {
  response.statusCode = 204;
  response.end();
}

export function sendApiError(response: ServerResponse, error: ApiError): void {
  for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
  const body = { error: { code: error.code, message: error.message } };
  sendJson(response, error.status, body);
}

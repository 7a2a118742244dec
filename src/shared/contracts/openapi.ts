// The API describing itself: the OpenAPI document and a plain readable page of it.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const openApiApi = {
  document: endpoint({
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API as an OpenAPI 3.1 document',
    tags: ['openapi'],
    responses: { 200: z.record(z.string(), z.unknown()) },
  }),
  page: endpoint({
    method: 'GET',
    path: '/api/docs',
    operationId: 'getApiDocsPage',
    summary: 'This API as a readable page (no scripts)',
    tags: ['openapi'],
    responses: { 200: { mediaType: 'text/html' } },
  }),
} as const;

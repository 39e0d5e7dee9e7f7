import { defineConfig } from 'orval';

// Hooks are generated from the committed snapshot of the backend's OpenAPI document
// (webapp/openapi.json, kept current by the api module's OpenApiSnapshotTest), so the web app
// builds offline and never from a running server.
export default defineConfig({
  tempodesk: {
    input: { target: './openapi.json', override: { transformer: './scripts/responses-required.cjs' } },
    output: {
      mode: 'tags-split',
      target: './src/api/generated/endpoints',
      schemas: './src/api/generated/model',
      client: 'react-query',
      httpClient: 'fetch',
      clean: true,
      override: {
        mutator: { path: './src/lib/api-client.ts', name: 'apiFetch' },
        query: { useQuery: true, useMutation: true },
        fetch: { includeHttpResponseReturnType: false },
      },
    },
  },
});

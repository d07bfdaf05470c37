/**
 * The API versions ({@code /api/v1}, {@code v2}, {@code v3}) and how a request's version selects its read strategy
 * ({@code @ReadStrategy}); also the OpenAPI filter that documents the version as a path parameter.
 */
package com.subscriptions.versioning;

/**
 * The API versions ({@code /api/v1}, {@code v2}, {@code v3}) and how a request's version selects its read strategy
 * ({@code @ReadStrategy}); also how the OpenAPI document shows the version (a path parameter listing them).
 */
package com.subscriptions.versioning;

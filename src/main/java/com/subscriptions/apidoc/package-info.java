/**
 * The API's description as its consumers read it: the OpenAPI document at {@code /openapi} (generated from the
 * resources' annotations, merged with META-INF/openapi.yaml, then tidied by {@code OpenApiFilter} so that it reads
 * the same on both servers and passes the standard linters).
 */
package com.subscriptions.apidoc;

/**
 * Lists: page requests (offset or keyset cursor), pages and their envelope, opaque cursors, and the query builders
 * that read one page in one statement for each read strategy (Criteria, JPQL, native SQL); also the query parameters
 * that shape a list (page, per_page, cursor, fields).
 */
package com.subscriptions.paging;

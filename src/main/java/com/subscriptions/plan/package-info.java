/**
 * The plan catalogue: plans, their admin writes with optimistic versions, and the three read strategies of the plan
 * routes (v1 Criteria, v2 native SQL, v3 cached).
 */
package com.subscriptions.plan;

/**
 * Accounts: users, password hashing and policy, the admin account created at first start, the admin role, and the
 * admin's user search (implemented where subscriptions are known).
 */
package com.subscriptions.user;

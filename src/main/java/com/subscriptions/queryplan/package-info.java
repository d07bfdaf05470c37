/**
 * The admin's query-plan report: runs each read route of every API version once, captures its SQL statements and
 * explains them, flagging full scans. It sits above the plan and subscription features because it exercises their
 * read strategies.
 */
package com.subscriptions.queryplan;

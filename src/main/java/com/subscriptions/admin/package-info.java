/**
 * The admin's view of the running instances: each instance's member id, address, start, version, pool and cache
 * figures, whether it runs alone or in a cluster.
 */
package com.subscriptions.admin;

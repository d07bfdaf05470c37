package com.subscriptions;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every *IT: the packaged WAR runs on Payara Micro over a real MariaDB/MySQL, deployed once for the
 * whole run ({@link Deployments}); tests talk to it over HTTP and to the database over JDBC.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class IntegrationTest {
}

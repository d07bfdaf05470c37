package com.subscriptions.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hibernate logs every SQL exception at ERROR before the service has handled it, though each is answered: a lost race
 * (the unique key refusing a second live subscription) is 409, a database outage 503, and anything unexpected is
 * logged with its stack trace and request id where it is answered ({@code ProblemMappers}). Its own log of them
 * would make expected outcomes read as errors.
 */
@Startup
@Singleton
public class SqlErrorLogging {

    /** Held, so that the logger and its level are not garbage-collected. */
    private static final Logger HIBERNATE_SQL_EXCEPTIONS =
            Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");

    @PostConstruct
    void leaveSqlErrorsToTheirHandlers() {
        HIBERNATE_SQL_EXCEPTIONS.setLevel(Level.OFF);
    }
}

package com.subscriptions.user.control;

import com.subscriptions.user.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure an {@code admin} account exists once the schema is in place. Its password comes from
 * {@code ADMIN_PASSWORD}; without one, a random password is generated and logged this one time.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class AdminAccount {

    static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "admin.email", defaultValue = "admin@localhost")
    String email;

    @PostConstruct
    void ensureExists() {
        boolean exists = !em.createQuery("select u.id from User u where u.username = :username", Long.class)
                .setParameter("username", USERNAME).getResultList().isEmpty();
        if (exists) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).map(AdminAccount::acceptable)
                .orElseGet(AdminAccount::generatedPassword);
        em.persist(User.administrator(USERNAME, email, hasher.hash(password), clock));
        if (configuredPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning(() -> "Created the admin account 'admin' with the generated password: " + password
                    + "  (shown once; set ADMIN_PASSWORD to choose it)");
        } else {
            LOG.info("Created the admin account 'admin' with the password from ADMIN_PASSWORD");
        }
    }

    /** A chosen password meets the policy every account's does; else the service refuses to start. */
    static String acceptable(String password) {
        PasswordPolicy.problemWith(password, USERNAME).ifPresent(problem -> {
            throw new IllegalStateException("ADMIN_PASSWORD " + problem + "; choose another (at least "
                    + PasswordPolicy.MIN_LENGTH + " characters, not containing 'admin', hard to guess)");
        });
        return password;
    }

    private static String generatedPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

package com.subscriptions.user.control;

import com.subscriptions.auth.control.PasswordPolicy;
import com.subscriptions.auth.control.Sessions;
import com.subscriptions.platform.boundary.Problem;
import com.subscriptions.platform.boundary.ProblemException;
import com.subscriptions.platform.control.AuditTrail;
import com.subscriptions.platform.control.ClientInfo;
import com.subscriptions.platform.control.Constraints;
import com.subscriptions.user.entity.User;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.Optional;

/** The use cases of accounts: register, look up, grant or remove the admin role. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    Event<UserDataChanged> changes;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    public User register(String username, String email, String password, ClientInfo client) {
        PasswordPolicy.problemWith(password, username)
                .ifPresent(problem -> { throw ProblemException.invalidField("password", problem); });
        if (!em.createQuery("select u.id from User u where u.username = :username or u.email = :email", Long.class)
                .setParameter("username", username).setParameter("email", email).getResultList().isEmpty()) {
            throw duplicate();
        }
        User user = User.register(username, email, hasher.hash(password), clock);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_users_")) {
                // A concurrent registration took the name between the check and the insert: the unique key decided.
                throw duplicate();
            }
            throw e;
        }
        audit.record("register", user.id(), user.username(), "user:" + user.id(), client);
        return user;
    }

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * Grants or removes the admin role. Nobody changes their own role. Removing it ends the user's sessions, so
     * that no token still carries the role.
     */
    public User changeAdminRole(long userId, boolean admin, long actorId, String actor, ClientInfo client) {
        if (userId == actorId) {
            throw new ProblemException(Problem.of(403, "You cannot change your own role"));
        }
        User user = find(userId).orElseThrow(() -> ProblemException.notFound("User " + userId + " not found"));
        if (user.changeAdmin(admin, clock)) {
            if (!admin) {
                sessions.endAllSessionsOf(userId, "role_removed");
            }
            audit.record(admin ? "role_granted" : "role_removed", actorId, actor, "user:" + userId, client);
            changes.fire(new UserDataChanged(userId));
        }
        return user;
    }

    private static ProblemException duplicate() {
        return new ProblemException(Problem.of(409, "Username or email already exists"));
    }
}

package com.subscriptions.user.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.control.Constraints;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.NotPermitted;
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
    Event<RoleChanged> roleChanges;

    @Inject
    Event<UserRegistered> registrations;

    @Inject
    Clock clock;

    public User register(String username, String email, String password, Caller caller) {
        PasswordPolicy.problemWith(password, username)
                .ifPresent(problem -> { throw InvalidInput.of("password", problem); });
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
        audit.record("register", "user:" + user.id(), caller.as(user.id(), user.username()));
        registrations.fire(new UserRegistered(user));
        return user;
    }

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * Grants or removes the admin role. Nobody changes their own role. Removing it ends the user's sessions (the
     * sessions observe {@link RoleChanged}), so that no token still carries the role.
     */
    public User changeAdminRole(long userId, boolean admin, Caller caller) {
        if (caller.is(userId)) {
            throw new NotPermitted("You cannot change your own role");
        }
        User user = find(userId).orElseThrow(() -> new NotFound("User " + userId + " not found"));
        if (user.changeAdmin(admin, clock)) {
            audit.record(admin ? "role_granted" : "role_removed", "user:" + userId, caller);
            roleChanges.fire(new RoleChanged(userId, admin));
        }
        return user;
    }

    /** Turns the user's optional notification mails on or off. */
    public User receiveNotifications(long userId, boolean receive, Caller caller) {
        User user = find(userId).orElseThrow(() -> new NotFound("User " + userId + " not found"));
        if (user.emailNotifications() != receive) {
            user.receiveNotifications(receive, clock);
            audit.record(receive ? "notifications_on" : "notifications_off", "user:" + userId, caller);
        }
        return user;
    }

    private static Conflict duplicate() {
        return new Conflict("Username or email already exists");
    }
}

package com.subscriptions.platform.boundary;

import jakarta.ejb.ApplicationException;

import java.util.Map;

/** Thrown anywhere a request must end with a given problem; {@link ProblemMappers} turns it into the answer. */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException invalidField(String field, String whatIsWrong) {
        return new ProblemException(Problem.invalid(Map.of(field, whatIsWrong)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, detail));
    }

    public Problem problem() {
        return problem;
    }

    /** Headers the answer carries besides the problem (Retry-After, for instance). */
    public Map<String, String> headers() {
        return Map.of();
    }
}

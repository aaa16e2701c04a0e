package org.tea.io;

import java.util.List;

/**
 * A configuration that cannot be used. Carries every problem found, not just the first, so one run of the
 * program is enough to fix a file. Each error is one line starting with its source: a file or {@code --set}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** One line per problem, in a stable order: unknown keys, then keys in registry order, then cross-key checks. */
    public List<String> errors() {
        return errors;
    }

    private static String message(List<String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        String head = errors.size() == 1 ? "1 configuration error" : errors.size() + " configuration errors";
        return head + ":\n  " + String.join("\n  ", errors);
    }
}

package org.tea.io;

import java.util.List;

/**
 * Inputs that failed validation. Loading checks everything before it throws, so {@link #errors()} lists every
 * problem found, one line each, in the form {@code file:row N: field 'x' = 'value': expected ...} (row numbers
 * as a spreadsheet shows them: the header is row 1).
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The message lists this many errors; {@link #errors()} has them all. */
    private static final int LISTED = 100;

    private final List<String> errors;

    public InputException(String context, List<String> errors) {
        super(message(context, errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, one line each, in file and row order. */
    public List<String> errors() {
        return errors;
    }

    private static String message(String context, List<String> errors) {
        StringBuilder b = new StringBuilder();
        b.append(errors.size()).append(errors.size() == 1 ? " input error" : " input errors");
        if (context != null && !context.isEmpty()) {
            b.append(" in ").append(context);
        }
        b.append(':');
        for (int i = 0; i < Math.min(LISTED, errors.size()); i++) {
            b.append('\n').append(errors.get(i));
        }
        if (errors.size() > LISTED) {
            b.append("\n... and ").append(errors.size() - LISTED).append(" more");
        }
        return b.toString();
    }
}

package io.parallelplan.core.model;

/** How serious a {@link Finding} is. Errors make a plan invalid; warnings and infos do not. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case name used in text and JSON output ({@code error}, {@code warning}, {@code info}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

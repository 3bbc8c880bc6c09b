package io.parallelplan.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An achievement's estimated duration in hours, as written in a plan: absent, a number ({@code 3.5}), or a range
 * ({@code "4-6"}, {@code "2-3 hours"}, {@code "4-6h"}).
 *
 * <p>A range counts as its upper bound ({@link #hours()}): plans are written optimistically, and a schedule built on
 * upper bounds is one the team can keep. The lower bound stays available through {@link #lowHours()}. A value that
 * cannot be read (negative, or text that is not a number or a range) is kept as {@link #isValid() invalid} so that
 * validation can report it; scheduling treats it like a missing estimate.
 *
 * @param raw the text as written, or {@code null} when absent
 * @param lowHours the lower bound (equal to {@code highHours} for a single number); 0 when absent or invalid
 * @param highHours the upper bound; 0 when absent or invalid
 * @param valid whether {@code raw} was read as a non-negative number or range
 */
public record Estimate(String raw, double lowHours, double highHours, boolean valid) {
    /** No estimate written. */
    public static final Estimate ABSENT = new Estimate(null, 0, 0, false);

    /** What scheduling and analysis count for an achievement without a usable estimate. */
    public static final double DEFAULT_HOURS = 1.0;

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final Pattern FORM = Pattern.compile(
            "^" + NUMBER + "(?:\\s*(?:-|–|—|to)\\s*" + NUMBER + ")?\\s*(?:h|hr|hrs|hour|hours)?$");

    /** An estimate of exactly {@code hours}. */
    public static Estimate ofHours(double hours) {
        if (!(hours >= 0) || Double.isInfinite(hours)) {
            return new Estimate(Double.toString(hours), 0, 0, false);
        }
        return new Estimate(formatHours(hours), hours, hours, true);
    }

    /** Reads a written estimate such as {@code "4-6"}, {@code "2.5"}, {@code "2-3 hours"} or {@code "4h"}. */
    public static Estimate parse(String text) {
        if (text == null) {
            return ABSENT;
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(trimmed);
        if (trimmed.isEmpty() || !m.matches()) {
            return new Estimate(text, 0, 0, false);
        }
        double low = Double.parseDouble(m.group(1));
        double high = m.group(2) == null ? low : Double.parseDouble(m.group(2));
        if (high < low) {
            return new Estimate(text, 0, 0, false);
        }
        return new Estimate(text, low, high, true);
    }

    /** Whether anything was written. */
    public boolean isPresent() {
        return raw != null;
    }

    /** Whether the written value is a range rather than one number. */
    public boolean isRange() {
        return valid && lowHours != highHours;
    }

    /** The hours to plan with: the upper bound; {@link #DEFAULT_HOURS} when absent or invalid. */
    public double hours() {
        return valid ? highHours : DEFAULT_HOURS;
    }

    /** Formats hours the way reports show them: {@code 3.5}, {@code 4}, {@code 0.25}. */
    public static String formatHours(double hours) {
        if (hours == Math.rint(hours) && Math.abs(hours) < 1e15) {
            return Long.toString((long) hours);
        }
        double quarters = hours * 4;
        if (quarters == Math.rint(quarters) && Math.abs(hours) < 1e15) {
            // Quarter hours, the usual estimates: exactly what the general case prints, without a formatter.
            long q = (long) quarters;
            long whole = q / 4;
            int rest = (int) Math.abs(q % 4);
            return (hours < 0 && whole == 0 ? "-" : "") + whole + (rest == 1 ? ".25" : rest == 2 ? ".5" : ".75");
        }
        String s = String.format(Locale.ROOT, "%.2f", hours);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * The estimate in words, as the workflow's files and prompts show it: {@code "2-3 hours"}, {@code "2 hours"},
     * {@code "not given"}, or the text as written followed by {@code "(unreadable)"}.
     */
    public String describe() {
        if (!valid) {
            return isPresent() ? raw + " (unreadable)" : "not given";
        }
        return isRange()
                ? formatHours(lowHours) + "-" + formatHours(highHours) + " hours"
                : formatHours(highHours) + " hours";
    }

    @Override
    public String toString() {
        return raw == null ? "(none)" : raw;
    }
}

package io.parallelplan.core.model;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of the methodology's files for one plan: an achievement's number in file names is its id without dots
 * ({@code "1.1"} → {@code "11"}), and every name is checked so that it cannot leave the plan folder.
 */
public final class PlanFiles {
    /** Folder of SUBPLAN files, relative to the plan folder. */
    public static final String SUBPLANS = "subplans";
    /** Folder of EXECUTION_TASK and SKIPPED files, relative to the plan folder. */
    public static final String EXECUTION = "execution";
    /** Folder of APPROVED and FIX files, relative to the plan folder. */
    public static final String FEEDBACKS = "execution/feedbacks";

    private static final Pattern SAFE_NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SAFE_PLAN = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final String planName;

    /**
     * @throws IllegalArgumentException when the plan name could not be part of a file name inside the plan folder
     */
    public PlanFiles(String planName) {
        String problem = planNameProblem(planName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.planName = planName;
    }

    /** The plan name used in file names. */
    public String planName() {
        return planName;
    }

    /** An achievement's number in file names: its id without dots. */
    public static String number(String id) {
        return Objects.requireNonNull(id, "id cannot be null").replace(".", "");
    }

    /**
     * Why an id cannot name files inside the plan folder (a path separator, {@code ..}, an absolute path, characters
     * other than letters, digits, '.', '_' and '-'), or {@code null} when it can.
     */
    public static String idProblem(String id) {
        if (id == null || id.isEmpty()) {
            return "an empty id cannot name a file";
        }
        if (id.contains("..") || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            return "id \"" + id + "\" would name a file outside the plan folder; use letters, digits, '.', '_', '-'";
        }
        if (!SAFE_NUMBER.matcher(number(id)).matches()) {
            return "id \"" + id + "\" cannot be part of a file name; use letters, digits, '.', '_' and '-' (at most 64)";
        }
        return null;
    }

    /** Why a plan name cannot be part of file names inside the plan folder, or {@code null} when it can. */
    public static String planNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the plan has no name; set plan_name in parallel.json";
        }
        if (name.contains("..") || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return "plan name \"" + name + "\" would name a file outside the plan folder; "
                    + "use letters, digits, '.', '_' and '-' in plan_name";
        }
        if (!SAFE_PLAN.matcher(name).matches()) {
            return "plan name \"" + name + "\" cannot be part of a file name; "
                    + "use letters, digits, '.', '_' and '-' in plan_name";
        }
        return null;
    }

    /** {@code subplans/SUBPLAN_<PLAN>_<nn>.md}. */
    public String subplan(String number) {
        return SUBPLANS + "/SUBPLAN_" + planName + "_" + number + ".md";
    }

    /** {@code execution/EXECUTION_TASK_<PLAN>_<nn>_<kk>.md}. */
    public String executionTask(String number, int task) {
        return EXECUTION + "/EXECUTION_TASK_" + planName + "_" + number + "_" + twoDigits(task, Locale.getDefault(
                Locale.Category.FORMAT)) + ".md";
    }

    /**
     * {@code String.format(locale, "%02d", n)} — the same digits (the locale's zero digit, as the formatter takes it)
     * without a formatter: {@code validate} names the files of every achievement whose id is not of the X.Y shape,
     * and a formatter per name cost more than the rest of their checks.
     */
    static String twoDigits(int n, Locale locale) {
        if (n < 0) {
            return String.format(locale, "%02d", n);
        }
        char zero = zeroDigit(locale);
        String digits = Integer.toString(n);
        StringBuilder b = new StringBuilder(Math.max(2, digits.length()));
        if (digits.length() < 2) {
            b.append(zero);
        }
        for (int i = 0; i < digits.length(); i++) {
            b.append((char) (digits.charAt(i) - '0' + zero));
        }
        return b.toString();
    }

    /** The last locale asked about and its zero digit (read together: one immutable pair). */
    private static volatile ZeroDigit lastZero = new ZeroDigit(Locale.US, '0');

    private record ZeroDigit(Locale locale, char zero) {}

    /** The zero digit {@link java.util.Formatter} uses for {@code locale}: {@code '0'} for US, else the locale's. */
    private static char zeroDigit(Locale locale) {
        ZeroDigit last = lastZero;
        if (!last.locale().equals(locale)) {
            last = new ZeroDigit(locale, DecimalFormatSymbols.getInstance(locale).getZeroDigit());
            lastZero = last;
        }
        return last.zero();
    }

    /** {@code execution/feedbacks/APPROVED_<nn>.md}. */
    public static String approved(String number) {
        return FEEDBACKS + "/APPROVED_" + number + ".md";
    }

    /** {@code execution/feedbacks/FIX_<nn>.md}. */
    public static String fix(String number) {
        return FEEDBACKS + "/FIX_" + number + ".md";
    }

    /** {@code execution/SKIPPED_<nn>.md}. */
    public static String skipped(String number) {
        return EXECUTION + "/SKIPPED_" + number + ".md";
    }

    /** The start of every SUBPLAN file name of this plan, {@code SUBPLAN_<PLAN>_}. */
    public String subplanPrefix() {
        return "SUBPLAN_" + planName + "_";
    }

    /** The start of every EXECUTION_TASK file name of this plan, {@code EXECUTION_TASK_<PLAN>_}. */
    public String executionTaskPrefix() {
        return "EXECUTION_TASK_" + planName + "_";
    }
}

package dev.ffibridge.benchmarks.report;

import java.util.List;

/** A performance target: one row of the targets table, evaluated against the results of one report. */
interface Target {

    /** What the target demands, as the table's first column says it. */
    String text();

    /** The figure measured and whether it meets the target; {@link Status#NOT_MEASURED} without results. */
    Verdict evaluate(List<Result> results);

    /** The outcome of a target. */
    enum Status {
        MET("met"),
        MISSED("**missed**"),
        /** Met wherever measured, but some of the sizes it names have no result. */
        PARTLY_MEASURED("met where measured"),
        NOT_MEASURED("not measured");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The table's word for it. */
        String label() {
            return label;
        }
    }

    /** A figure and a status. */
    record Verdict(String figure, Status status) {

        static final Verdict NOT_MEASURED = new Verdict("–", Status.NOT_MEASURED);

        static Verdict of(String figure, boolean met) {
            return new Verdict(figure, met ? Status.MET : Status.MISSED);
        }
    }
}

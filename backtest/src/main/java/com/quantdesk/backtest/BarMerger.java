package com.quantdesk.backtest;

import com.quantdesk.core.domain.Bar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges per-symbol bar series into one stream in time order; bars at the same instant come in
 * symbol order, so a multi-symbol run is deterministic.
 */
public final class BarMerger {

    private BarMerger() {
    }

    /** The merged stream. Each input list must already be in strictly increasing time order. */
    public static List<Bar> merge(Collection<List<Bar>> series) {
        int total = 0;
        for (List<Bar> s : series) {
            total += s.size();
        }
        if (series.size() == 1) {
            // Nothing to merge; a file's bars may be made one by one as they are read, so not copied.
            return Collections.unmodifiableList(series.iterator().next());
        }
        List<Bar> merged = new ArrayList<>(total);
        record Cursor(List<Bar> bars, int index) {
            Bar head() {
                return bars.get(index);
            }
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing((Cursor c) -> c.head().time())
                .thenComparing(c -> c.head().symbol()));
        for (List<Bar> s : series) {
            if (!s.isEmpty()) {
                heads.add(new Cursor(s, 0));
            }
        }
        while (!heads.isEmpty()) {
            Cursor c = heads.poll();
            merged.add(c.head());
            if (c.index() + 1 < c.bars().size()) {
                heads.add(new Cursor(c.bars(), c.index() + 1));
            }
        }
        return merged;
    }
}

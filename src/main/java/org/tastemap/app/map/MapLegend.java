package org.tastemap.app.map;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.io.ArtistLabelFile;

/**
 * The map's colour groups and their legend: which group each point is in (cluster, popularity band or
 * label) and which groups the analyst has switched off. A regrouping that yields the same groups (a
 * refined snapshot of the layout) keeps what was switched off.
 */
final class MapLegend {
    private final ObservableList<LegendItem> items = FXCollections.observableArrayList();
    private final Runnable changed;
    private Grouping grouping;
    private boolean[] groupShown = new boolean[0];

    MapLegend(Runnable changed) {
        this.changed = changed;
    }

    /** Groups the points of {@code p} (null: none) by {@code by}; labels fall back to clusters when none are loaded. */
    void regroup(MapPoints p, MapViewModel.ColourBy by, ArtistLabelFile.Result labels, int[] listeners) {
        List<LegendItem> next = new ArrayList<>();
        if (p == null) {
            grouping = null;
        } else {
            grouping = switch (by) {
                case POPULARITY -> Grouping.popularity(p, listeners);
                case LABELS -> labels == null ? Grouping.clusters(p) : Grouping.labels(p, labels.labels(), labels.labelOf());
                case CLUSTER -> Grouping.clusters(p);
            };
            boolean same = items.size() == grouping.names().length
                    && items.stream().map(LegendItem::name).toList().equals(List.of(grouping.names()));
            for (int g = 0; g < grouping.names().length; g++) {
                LegendItem item = new LegendItem(g, grouping.names()[g], grouping.colours()[g], grouping.counts()[g],
                        !same || items.get(g).shownProperty().get());
                item.shownProperty().addListener((o, a, b) -> toggled());
                next.add(item);
            }
        }
        items.setAll(next);
        toggled();
    }

    private void toggled() {
        groupShown = new boolean[items.size()];
        for (LegendItem item : items) {
            groupShown[item.group()] = item.shownProperty().get();
        }
        changed.run();
    }

    /** Whether point p is drawn (its legend group is on). */
    boolean shown(int p) {
        return grouping != null && groupShown[grouping.group()[p]];
    }

    /** The legend name of point p's group. */
    String groupName(int p) {
        return grouping == null ? "" : grouping.names()[grouping.group()[p]];
    }

    Grouping grouping() {
        return grouping;
    }

    ObservableList<LegendItem> items() {
        return items;
    }
}

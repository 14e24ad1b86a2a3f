package io.berth.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link DataStore#list} in key order.
 *
 * @param entries    the entries of this page
 * @param nextCursor pass it to {@code list} to get the next page; {@code null} on the last page
 */
public record DataPage(List<DataEntry> entries, String nextCursor) {

    public DataPage {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** The cursor of the next page, empty on the last one. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}

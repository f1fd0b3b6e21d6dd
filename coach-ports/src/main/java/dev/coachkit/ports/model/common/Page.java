package dev.coachkit.ports.model.common;

import java.util.List;
import java.util.Optional;

/** One page of a listing and, when more items exist, the cursor of the next page. */
public record Page<T>(List<T> items, Optional<PageCursor> nextCursor) {
  public Page {
    items = Require.list(items, "items");
    Require.nonNull(nextCursor, "nextCursor");
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }

  public boolean hasMore() {
    return nextCursor.isPresent();
  }
}

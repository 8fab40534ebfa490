package dev.tangram.engine.store.internal;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Orders index keys ({@link KeyValue}s of normalized values) field by field: null first, then
 * numbers (doubles, then the longs a double cannot hold), strings, object ids, booleans and
 * instants by their natural order, any other value by its serialized form. A total order that
 * agrees with {@link KeyValue#equals}, which is all a unique index needs. Keys are still written
 * and read as {@link ObjectDataType} writes and reads them.
 */
final class IndexKeyOrder extends ObjectDataType {

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue x && b instanceof KeyValue y) {
      int n = Math.min(x.size(), y.size());
      for (int i = 0; i < n; i++) {
        int c = compareValues(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    return super.compare(a, b);
  }

  private static int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (a) {
      case Double d -> Double.compare(d, (Double) b);
      case Long l -> Long.compare(l, (Long) b);
      case String s -> s.compareTo((String) b);
      case ObjectId o -> o.compareTo((ObjectId) b);
      case Boolean f -> Boolean.compare(f, (Boolean) b);
      case Instant t -> t.compareTo((Instant) b);
      default -> compareNotNull(serialize(a), serialize(b));
    };
  }

  private static int rank(Object value) {
    return switch (value) {
      case null -> 0;
      case Double d -> 1;
      case Long l -> 2;
      case String s -> 3;
      case ObjectId o -> 4;
      case Boolean f -> 5;
      case Instant t -> 6;
      default -> 7;
    };
  }
}

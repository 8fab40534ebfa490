package dev.tangram.engine.records.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.PostingRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a form's {@link PostingRule}s: what a record state posts into other forms
 * ({@link #effects}), the difference between what is posted and what should be ({@link #plan}),
 * and applying that difference as a saga around the source write, since the embedded store has no
 * multi-document transactions: a journal entry first, then each target increment (marked with its
 * operation key in the target, so it applies once), then the source write that records the new
 * state; on failure the applied steps are undone. {@link #recover} finishes what a crash left.
 */
public final class Postings {

  /** Field of a source record holding what it has posted. */
  public static final String STATE = "_postings";
  /** Field of a source record naming the posting operation its last write completed. */
  public static final String OPERATION = "_postingOp";

  private static final Logger log = LoggerFactory.getLogger(Postings.class);
  private static final Duration RECOVERY_GRACE = Duration.ofSeconds(30);

  /** What the record service does for postings on target records. */
  public interface Targets {
    /** The id of the target record with these key values, created (with just them) if missing. */
    ObjectId findOrCreate(String app, String form, Document match, String actor);

    /**
     * Adds {@code deltas} once per {@code operationKey}; refuses with a validation error when a
     * {@code floor} field would fall below its minimum.
     */
    void increment(String app, String form, ObjectId id, Map<String, BigDecimal> deltas, String operationKey,
        PostingRule.@Nullable Floor floor, String actor);

    /** Whether the target has applied the operation (within its recent operations). */
    boolean applied(String app, String form, ObjectId id, String operationKey);

    /** Data of a record of the app, for {@code floor.unless} paths. */
    Optional<Document> data(String app, String form, String id);
  }

  /** One target record's change: deltas per field. */
  public record Step(String posting, String target, Document match, Map<String, BigDecimal> deltas,
      PostingRule.@Nullable Floor floor) {}

  private final MongoCollection<Document> journal;
  private final Targets targets;
  private final Clock clock;

  public Postings(MongoDatabase database, Targets targets, Clock clock) {
    this.journal = database.getCollection("_posting_journal");
    this.targets = targets;
    this.clock = clock;
  }

  /** What a record with {@code data} in {@code status} posts: one entry per posting × target key. */
  public List<Document> effects(String app, FormDefinition form, Document data, String status) {
    List<Document> effects = new ArrayList<>();
    for (PostingRule rule : form.postings()) {
      if (!rule.statuses().contains(status)) {
        continue;
      }
      Map<String, Document> byKey = new LinkedHashMap<>();
      for (Document row : rowsOf(rule, data)) {
        Document match = new Document();
        boolean complete = true;
        for (var m : new TreeMap<>(rule.match()).entrySet()) {
          Object value = valueOf(row, data, m.getValue());
          complete &= value != null;
          match.append(m.getKey(), value);
        }
        if (!complete) {
          continue; // a row without its key values posts nothing
        }
        Document effect = byKey.computeIfAbsent(match.toJson(), k -> new Document("posting", rule.name())
            .append("target", rule.target()).append("match", match).append("amounts", new Document()).append("allowNegative", false));
        Document amounts = effect.get("amounts", Document.class);
        rule.add().forEach((t, s) -> add(amounts, t, decimal(valueOf(row, data, s))));
        rule.subtract().forEach((t, s) -> add(amounts, t, decimal(valueOf(row, data, s)).negate()));
        if (rule.floor() != null && !effect.getBoolean("allowNegative") && allowsNegative(app, form, rule.floor(), row, data)) {
          effect.put("allowNegative", true);
        }
      }
      effects.addAll(byKey.values());
    }
    return effects;
  }

  /** The steps that turn what {@code before} posted into what {@code after} posts. */
  public List<Step> plan(FormDefinition form, List<Document> before, List<Document> after) {
    Map<String, Step> steps = new LinkedHashMap<>();
    Map<String, Boolean> allowed = new LinkedHashMap<>();
    accumulate(form, before, BigDecimal.ONE.negate(), steps, allowed);
    accumulate(form, after, BigDecimal.ONE, steps, allowed);
    List<Step> result = new ArrayList<>();
    steps.forEach((key, step) -> {
      step.deltas().values().removeIf(d -> d.signum() == 0);
      if (!step.deltas().isEmpty()) {
        result.add(allowed.get(key) ? new Step(step.posting(), step.target(), step.match(), step.deltas(), null) : step);
      }
    });
    return result;
  }

  /**
   * Applies {@code steps}, then runs {@code write} (the source write, which must store the new
   * state and {@code OPERATION = operation}); undoes the steps if a step or the write fails.
   */
  public <T> T apply(String app, String form, ObjectId recordId, List<Step> steps, String operation, String actor,
      java.util.function.Supplier<@Nullable T> write, java.util.function.Supplier<RuntimeException> whenWriteMissed) {
    if (steps.isEmpty()) {
      T result = write.get();
      if (result == null) {
        throw whenWriteMissed.get();
      }
      return result;
    }
    List<Document> journalSteps = new ArrayList<>();
    for (Step s : steps) {
      journalSteps.add(new Document("target", s.target()).append("match", s.match()).append("deltas", toStored(s.deltas())));
    }
    journal.insertOne(new Document("_id", operation).append("app", app).append("form", form).append("recordId", recordId)
        .append("steps", journalSteps).append("at", Date.from(clock.instant())));
    List<Integer> done = new ArrayList<>();
    try {
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        ObjectId target = targets.findOrCreate(app, s.target(), s.match(), actor);
        journal.updateOne(Filters.eq("_id", operation), new Document("$set", new Document("steps." + i + ".id", target)));
        targets.increment(app, s.target(), target, s.deltas(), operation + ":" + i, s.floor(), actor);
        done.add(i);
      }
      T result = write.get();
      if (result == null) {
        throw whenWriteMissed.get();
      }
      journal.deleteOne(Filters.eq("_id", operation));
      return result;
    } catch (RuntimeException e) {
      if (undo(app, operation, steps, done, actor)) {
        journal.deleteOne(Filters.eq("_id", operation));
      } // else the journal entry stays and recovery finishes the undo
      throw e;
    }
  }

  /**
   * Settles journal entries older than the grace period: if the source record completed the
   * operation, the entry is simply dropped; otherwise every applied step is undone.
   *
   * @param completed whether the source record's last write completed the given operation
   */
  public void recover(java.util.function.BiPredicate<Document, String> completed) {
    List<Document> stale = new ArrayList<>();
    journal.find(Filters.lt("at", Date.from(clock.instant().minus(RECOVERY_GRACE)))).forEach(stale::add);
    for (Document entry : stale) {
      String operation = entry.getString("_id");
      try {
        if (!completed.test(entry, operation)) {
          List<Document> steps = entry.getList("steps", Document.class);
          for (int i = 0; i < steps.size(); i++) {
            Document s = steps.get(i);
            ObjectId target = s.getObjectId("id");
            if (target != null && targets.applied(entry.getString("app"), s.getString("target"), target, operation + ":" + i)) {
              targets.increment(entry.getString("app"), s.getString("target"), target, negated(fromStored(s.get("deltas", Document.class))),
                  operation + ":" + i + ":undo", null, "recovery");
            }
          }
        }
        journal.deleteOne(Filters.eq("_id", operation));
      } catch (RuntimeException e) {
        log.warn("Recovering posting operation {} failed; will retry", operation, e);
      }
    }
  }

  private boolean undo(String app, String operation, List<Step> steps, List<Integer> done, String actor) {
    boolean complete = true;
    for (int i : done.reversed()) {
      Step s = steps.get(i);
      try {
        ObjectId target = targets.findOrCreate(app, s.target(), s.match(), actor);
        targets.increment(app, s.target(), target, negated(s.deltas()), operation + ":" + i + ":undo", null, actor);
      } catch (RuntimeException e) {
        log.warn("Undoing step {} of posting operation {} failed; recovery will retry", i, operation, e);
        complete = false;
      }
    }
    return complete;
  }

  private void accumulate(FormDefinition form, List<Document> effects, BigDecimal sign, Map<String, Step> steps, Map<String, Boolean> allowed) {
    for (Document e : effects) {
      String key = e.getString("posting") + "|" + e.getString("target") + "|" + e.get("match", Document.class).toJson();
      PostingRule rule = form.postings().stream().filter(p -> p.name().equals(e.getString("posting"))).findFirst().orElse(null);
      Step step = steps.computeIfAbsent(key, k -> new Step(e.getString("posting"), e.getString("target"),
          e.get("match", Document.class), new LinkedHashMap<>(), rule == null ? null : rule.floor()));
      allowed.merge(key, Boolean.TRUE.equals(e.getBoolean("allowNegative")), Boolean::logicalOr);
      Document amounts = e.get("amounts", Document.class);
      for (String field : amounts.keySet()) {
        step.deltas().merge(field, decimal(amounts.get(field)).multiply(sign), BigDecimal::add);
      }
    }
  }

  private boolean allowsNegative(String app, FormDefinition form, PostingRule.Floor floor, Document row, Document data) {
    for (String path : floor.unless()) {
      int dot = path.indexOf('.');
      if (dot < 0) {
        if (Boolean.TRUE.equals(valueOf(row, data, path))) {
          return true;
        }
        continue;
      }
      String relationKey = path.substring(0, dot);
      Object related = valueOf(row, data, relationKey);
      FieldDefinition relation = fieldOf(form, relationKey);
      if (related instanceof String id && relation != null && relation.target() != null
          && targets.data(app, relation.target().form(), id).map(d -> Boolean.TRUE.equals(d.get(path.substring(dot + 1)))).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable FieldDefinition fieldOf(FormDefinition form, String key) {
    for (FieldDefinition f : form.fields()) {
      if (f.key().equals(key)) {
        return f;
      }
      for (FieldDefinition c : f.fields()) {
        if (c.key().equals(key)) {
          return c;
        }
      }
    }
    return null;
  }

  private static List<Document> rowsOf(PostingRule rule, Document data) {
    if (rule.rows() == null) {
      return List.of(new Document());
    }
    return data.getList(rule.rows(), Document.class, List.of());
  }

  /** A row's own value first, then the record's. */
  private static @Nullable Object valueOf(Document row, Document data, String field) {
    return row.containsKey(field) ? row.get(field) : data.get(field);
  }

  private static void add(Document amounts, String field, BigDecimal value) {
    amounts.put(field, new Decimal128(decimal(amounts.get(field)).add(value)));
  }

  public static BigDecimal decimal(@Nullable Object value) {
    return switch (value) {
      case null -> BigDecimal.ZERO;
      case Decimal128 d -> d.bigDecimalValue();
      case BigDecimal d -> d;
      case Number n -> new BigDecimal(n.toString());
      default -> BigDecimal.ZERO;
    };
  }

  public static Document toStoredDeltas(Map<String, BigDecimal> deltas) {
    return toStored(deltas);
  }

  private static Document toStored(Map<String, BigDecimal> deltas) {
    Document d = new Document();
    deltas.forEach((k, v) -> d.put(k, new Decimal128(v)));
    return d;
  }

  private static Map<String, BigDecimal> fromStored(Document d) {
    Map<String, BigDecimal> deltas = new LinkedHashMap<>();
    d.forEach((k, v) -> deltas.put(k, decimal(v)));
    return deltas;
  }

  private static Map<String, BigDecimal> negated(Map<String, BigDecimal> deltas) {
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    deltas.forEach((k, v) -> result.put(k, v.negate()));
    return result;
  }
}

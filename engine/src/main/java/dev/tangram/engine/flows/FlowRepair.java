package dev.tangram.engine.flows;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.records.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes records and instances agree again after a crash between the two stores: a record in
 * approval without a running instance gets its instance started, or, if its instance ended, the
 * status the outcome calls for; a running instance whose record is gone or out of approval is
 * ended. Only state older than the grace period is touched, so work in flight is left alone.
 * Safe to run at any time on any node (at start and then periodically).
 */
public final class FlowRepair {

  /** What one pass did. */
  public record Report(int started, int finished, int cancelled) {}

  private static final Logger log = LoggerFactory.getLogger(FlowRepair.class);

  private final FlowDependencies deps;
  private final FlowInstances instances;
  private final RepositoryService repository;
  private final RuntimeService runtime;

  FlowRepair(FlowDependencies deps, ProcessEngine engine, FlowInstances instances) {
    this.deps = deps;
    this.instances = instances;
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
  }

  public Report repair(Duration grace) {
    Instant cutoff = deps.clock().instant().minus(grace);
    int started = 0;
    int finished = 0;
    int cancelled = 0;
    for (String key : processKeys()) {
      String[] parts = key.split("\\.");
      List<Document> waiting = new ArrayList<>();
      deps.database().getCollection("records." + parts[1] + "." + parts[2])
          .find(Filters.and(Filters.eq("status", FlowStatus.IN_APPROVAL), Filters.lt("updatedAt", Date.from(cutoff))))
          .projection(Projections.include("_id")).forEach(waiting::add);
      for (Document d : waiting) {
        String id = d.getObjectId("_id").toHexString();
        if (instances.running(id) != null) {
          continue;
        }
        try {
          instances.ensureStarted(parts[1], parts[2], id, true);
          if (instances.running(id) != null) {
            started++;
          } else {
            finished++;
          }
        } catch (RuntimeException e) {
          log.warn("Repairing record {} of {}/{} failed; next pass retries", id, parts[1], parts[2], e);
        }
      }
    }
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKeyLike("tg.%")
        .startedBefore(Date.from(cutoff)).list()) {
      String[] parts = instance.getProcessDefinitionKey().split("\\.");
      String reason = orphanReason(parts[1], parts[2], instance.getBusinessKey());
      if (reason != null) {
        instances.cancel(instance.getBusinessKey(), reason);
        cancelled++;
      }
    }
    if (started + finished + cancelled > 0) {
      log.info("Flow repair: {} instances started, {} records finished, {} orphaned instances ended", started, finished, cancelled);
    }
    return new Report(started, finished, cancelled);
  }

  private String orphanReason(String app, String form, String recordId) {
    try {
      Record record = deps.records().getUnconstrained(app, form, recordId);
      return FlowStatus.IN_APPROVAL.equals(record.status()) ? null : "record " + record.status();
    } catch (NotFoundException gone) {
      return "deleted";
    }
  }

  private Set<String> processKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKeyLike("tg.%").latestVersion().list()) {
      keys.add(d.getKey());
    }
    return keys;
  }

}

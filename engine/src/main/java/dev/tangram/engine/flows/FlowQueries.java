package dev.tangram.engine.flows;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.internal.BpmnElements;
import dev.tangram.engine.flows.internal.CcList;
import dev.tangram.engine.flows.internal.DiagramSvg;
import dev.tangram.engine.flows.internal.TimelineNotes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.task.Comment;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The lists of the flow inbox (to-do, done, started by me, copied to me), a record's timeline and diagram. */
public final class FlowQueries {

  /** One instance a user started, for the "started by me" list. */
  public record StartedFlow(String processInstanceId, String app, String form, String recordId, Instant startedAt,
      Instant endedAt, String outcome) {}

  /** One record copied to a user. */
  public record CopiedFlow(String app, String form, String recordId, String node, String name, Instant at) {}

  private static final int MAX_SIZE = 200;

  private final FlowDependencies deps;
  private final TaskService tasks;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;
  private final MongoCollection<Document> cc;

  FlowQueries(FlowDependencies deps, ProcessEngine engine) {
    this.deps = deps;
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.management = engine.getManagementService();
    this.cc = deps.database().getCollection(CcList.COLLECTION);
    cc.createIndex(Indexes.ascending("user", "at"));
  }

  public FlowPage<FlowTask> todo(Actor actor, int page, int size) {
    check(page, size);
    return inOneCommand(() -> {
      var query = tasks.createTaskQuery().taskCandidateOrAssigned(actor.username()).processDefinitionKeyLike("tg.%");
      List<FlowTask> items = open(query.orderByTaskCreateTime().desc().listPage((page - 1) * size, size));
      return new FlowPage<>(items, total(page, size, items.size(), query::count), page, size);
    });
  }

  public FlowPage<FlowTask> done(Actor actor, int page, int size) {
    check(page, size);
    return inOneCommand(() -> {
      var query = history.createHistoricTaskInstanceQuery().taskCompletedBy(actor.username()).finished().processDefinitionKeyLike("tg.%");
      List<FlowTask> items = query.includeProcessVariables().orderByHistoricTaskInstanceEndTime().desc()
          .listPage((page - 1) * size, size).stream()
          .map(t -> view(t, t.getEndTime().toInstant(), t.getDeleteReason() == null ? "approved" : t.getDeleteReason())).toList();
      return new FlowPage<>(items, total(page, size, items.size(), query::count), page, size);
    });
  }

  public FlowPage<StartedFlow> started(Actor actor, int page, int size) {
    check(page, size);
    return inOneCommand(() -> {
      var query = history.createHistoricProcessInstanceQuery().startedBy(actor.username()).processDefinitionKeyLike("tg.%");
      List<StartedFlow> items = query.orderByProcessInstanceStartTime().desc().listPage((page - 1) * size, size).stream()
          .map(h -> {
            String[] key = h.getProcessDefinitionKey().split("\\.");
            return new StartedFlow(h.getId(), key[1], key[2], h.getBusinessKey(), h.getStartTime().toInstant(),
                h.getEndTime() == null ? null : h.getEndTime().toInstant(), h.getEndTime() == null ? "running" : FlowInstances.outcomeOf(h));
          }).toList();
      return new FlowPage<>(items, total(page, size, items.size(), query::count), page, size);
    });
  }

  public FlowPage<CopiedFlow> copiedToMe(Actor actor, int page, int size) {
    check(page, size);
    long total = cc.countDocuments(Filters.eq("user", actor.username()));
    List<CopiedFlow> items = new ArrayList<>();
    cc.find(Filters.eq("user", actor.username())).sort(Sorts.descending("at")).skip((page - 1) * size).limit(size)
        .forEach(d -> items.add(new CopiedFlow(d.getString("app"), d.getString("form"), d.getString("recordId"),
            d.getString("node"), d.getString("name"), d.getDate("at").toInstant())));
    return new FlowPage<>(items, total, page, size);
  }

  /** How many items each list holds, for badges. */
  public Map<String, Long> counts(Actor actor) {
    Map<String, Long> counts = inOneCommand(() -> {
      Map<String, Long> flowable = new LinkedHashMap<>();
      flowable.put("todo", tasks.createTaskQuery().taskCandidateOrAssigned(actor.username()).processDefinitionKeyLike("tg.%").count());
      flowable.put("done", history.createHistoricTaskInstanceQuery().taskCompletedBy(actor.username()).finished().processDefinitionKeyLike("tg.%").count());
      flowable.put("started", history.createHistoricProcessInstanceQuery().startedBy(actor.username()).processDefinitionKeyLike("tg.%").count());
      return flowable;
    });
    counts.put("cc", cc.countDocuments(Filters.eq("user", actor.username())));
    return counts;
  }

  /**
   * The open tasks of a record's running flow, oldest first (none when no flow runs); for those who
   * may view the record. Inbound triggers use it to find the task a call completes.
   */
  public List<FlowTask> openTasks(String app, String form, String recordId, Actor actor) {
    deps.records().get(app, form, recordId, actor);
    return inOneCommand(() -> open(tasks.createTaskQuery().processInstanceBusinessKey(recordId).processDefinitionKeyLike("tg.%")
        .orderByTaskCreateTime().asc().list()));
  }

  /** Every step of every flow instance of a record, oldest first; for those who may view the record. */
  public List<TimelineEntry> timeline(String app, String form, String recordId, Actor actor) {
    deps.records().get(app, form, recordId, actor);
    return timelineUnconstrained(recordId);
  }

  /** The timeline without a permission check; callers filter it for their viewer. */
  List<TimelineEntry> timelineUnconstrained(String recordId) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance h : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recordId)
        .orderByProcessInstanceStartTime().asc().list()) {
      for (Comment c : tasks.getProcessInstanceComments(h.getId(), TimelineNotes.TYPE)) {
        entries.add(entry(c, h.getId()));
      }
      if (h.getEndTime() != null) {
        entries.add(new TimelineEntry(h.getEndTime().toInstant(), "completed", "flow", h.getEndActivityId(), null, h.getId(),
            Map.of("outcome", FlowInstances.outcomeOf(h))));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  /** The BPMN of the record's latest instance with its current and passed nodes. */
  public FlowDiagram diagram(String app, String form, String recordId, Actor actor) {
    HistoricProcessInstance h = latestInstance(app, form, recordId, actor);
    String xml = new String(new BpmnXMLConverter().convertToXML(repository.getBpmnModel(h.getProcessDefinitionId())), StandardCharsets.UTF_8);
    boolean ended = h.getEndTime() != null;
    List<String> active = ended ? List.of() : runtime.getActiveActivityIds(h.getId());
    List<String> done = passed(h).stream().filter(a -> !"sequenceFlow".equals(a.getActivityType()))
        .map(HistoricActivityInstance::getActivityId).distinct().toList();
    return new FlowDiagram(h.getId(), xml, active, done, ended);
  }

  /** The record's latest instance drawn as SVG, the nodes where it stands marked {@code active}, those passed {@code done}. */
  public String diagramSvg(String app, String form, String recordId, Actor actor) {
    return svg(latestInstance(app, form, recordId, actor));
  }

  /** An instance drawn as SVG; for those who may view its record. */
  public String instanceSvg(String processInstanceId, Actor actor) {
    HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (h == null || h.getProcessDefinitionKey() == null || !h.getProcessDefinitionKey().startsWith("tg.") || h.getBusinessKey() == null) {
      throw new NotFoundException("instance", "There is no flow instance " + processInstanceId);
    }
    String[] key = h.getProcessDefinitionKey().split("\\.", 3);
    deps.records().get(key[1], key[2], h.getBusinessKey(), actor);
    return svg(h);
  }

  /** A form's deployed flow (the newest version, or {@code version}) drawn as SVG, nothing marked. */
  public String flowSvg(String app, String form, @Nullable Integer version) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnElements.processKey(app, form));
    var definition = version == null ? query.latestVersion().singleResult() : query.processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException(version == null ? "form" : "version",
          version == null ? "Form '" + form + "' has no flow" : "Form '" + form + "' has no flow version " + version);
    }
    return DiagramSvg.render(repository.getBpmnModel(definition.getId()), List.of(), List.of(), List.of());
  }

  private String svg(HistoricProcessInstance h) {
    List<String> active = h.getEndTime() != null ? List.of() : runtime.getActiveActivityIds(h.getId());
    List<String> done = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (HistoricActivityInstance a : passed(h)) {
      ("sequenceFlow".equals(a.getActivityType()) ? taken : done).add(a.getActivityId());
    }
    return DiagramSvg.render(repository.getBpmnModel(h.getProcessDefinitionId()), active, done, taken);
  }

  private List<HistoricActivityInstance> passed(HistoricProcessInstance h) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(h.getId()).finished()
        .orderByHistoricActivityInstanceStartTime().asc().list();
  }

  private HistoricProcessInstance latestInstance(String app, String form, String recordId, Actor actor) {
    deps.records().get(app, form, recordId, actor);
    List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recordId)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1);
    if (found.isEmpty()) {
      throw new NotFoundException("recordId", "Record " + recordId + " has not been through a flow");
    }
    return found.getFirst();
  }

  private static TimelineEntry entry(Comment c, String processInstanceId) {
    JsonNode note = Json.MAPPER.readTree(c.getFullMessage());
    Map<String, Object> details = new LinkedHashMap<>();
    note.properties().forEach(p -> {
      if (!List.of("action", "actor", "node", "comment").contains(p.getKey())) {
        details.put(p.getKey(), Json.MAPPER.convertValue(p.getValue(), Object.class));
      }
    });
    return new TimelineEntry(c.getTime().toInstant(), note.path("action").asString(""), note.path("actor").asString(""),
        note.has("node") ? note.get("node").asString() : null, note.has("comment") ? note.get("comment").asString() : null,
        processInstanceId, details);
  }

  /**
   * Open tasks as list items. App and form come from the process key, record and initiator from
   * the instances, one query for the whole page: cheaper than joining every variable of every
   * instance into the task query.
   */
  private List<FlowTask> open(List<Task> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, ProcessInstance> instances = new HashMap<>();
    runtime.createProcessInstanceQuery().processInstanceIds(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
        .list().forEach(p -> instances.put(p.getId(), p));
    return found.stream().filter(t -> instances.containsKey(t.getProcessInstanceId())).map(t -> {
      ProcessInstance p = instances.get(t.getProcessInstanceId());
      String[] key = p.getProcessDefinitionKey().split("\\.", 3);
      return new FlowTask(t.getId(), t.getName() == null ? t.getTaskDefinitionKey() : t.getName(), t.getTaskDefinitionKey(), key[1], key[2],
          p.getBusinessKey(), t.getAssignee(), t.getOwner(), p.getStartUserId(), t.getCreateTime().toInstant(), null, null);
    }).toList();
  }

  static FlowTask view(TaskInfo t, Instant endedAt, String outcome) {
    Map<String, Object> v = t.getProcessVariables();
    return new FlowTask(t.getId(), t.getName() == null ? t.getTaskDefinitionKey() : t.getName(), t.getTaskDefinitionKey(),
        String.valueOf(v.get(BpmnElements.VAR_APP)), String.valueOf(v.get(BpmnElements.VAR_FORM)), String.valueOf(v.get(BpmnElements.VAR_RECORD)),
        t.getAssignee(), t.getOwner(), String.valueOf(v.get(BpmnElements.VAR_INITIATOR)), t.getCreateTime().toInstant(), endedAt, outcome);
  }

  /** A page that is not full tells the total without a count query (the usual case of a short to-do list). */
  private static long total(int page, int size, int found, LongSupplier count) {
    return found < size && (found > 0 || page == 1) ? (page - 1L) * size + found : count.getAsLong();
  }

  /** Several queries as one Flowable command: one connection and transaction instead of one per query. */
  private <T> T inOneCommand(Supplier<T> queries) {
    return management.executeCommand(context -> queries.get());
  }

  private static void check(int page, int size) {
    if (page < 1) {
      throw ValidationException.of("page", "min", "Pages start at 1");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.of("size", "range", "A page holds 1 to " + MAX_SIZE + " items");
    }
  }
}

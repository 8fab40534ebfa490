package dev.tangram.engine.flows.internal;

import dev.tangram.engine.common.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.api.TaskInfo;
import org.jspecify.annotations.Nullable;

/** Runs several Flowable calls as one transaction on behalf of a user, and says what a lost race means. */
public final class Flowables {

  private final ManagementService management;
  private final IdentityService identity;

  public Flowables(ManagementService management, IdentityService identity) {
    this.management = management;
    this.identity = identity;
  }

  /**
   * Runs {@code work} in one Flowable command (one database transaction) as {@code user}. A
   * concurrent change of the same task or instance becomes a 409 naming {@code what}.
   */
  public <T> T inTransaction(String user, String what, Supplier<T> work) {
    identity.setAuthenticatedUserId(user);
    try {
      return management.executeCommand(context -> work.get());
    } catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException e) {
      throw new ConflictException("task", "concurrentChange", what + " was completed or changed by someone else at the same time; reload it");
    } catch (FlowableException e) {
      if (isLockConflict(e)) {
        throw new ConflictException("task", "concurrentChange", what + " was completed or changed by someone else at the same time; reload it");
      }
      throw e;
    } finally {
      identity.setAuthenticatedUserId(null);
    }
  }

  /**
   * Like {@link #inTransaction(String, String, Runnable)} on one process instance, locked first:
   * the instance's row is selected {@code FOR UPDATE} before anything else is read, so two actions
   * on one instance run one after the other and the second reads only what the first committed.
   * Without it the loser of two racing approvers could load the task before the winner's commit and
   * the instance's variables after it, and fail inside Flowable ("Unknown property
   * ${tg_approvers_…}") instead of getting its 409.
   */
  public void inInstance(String user, String processInstanceId, String what, Runnable work) {
    inTransaction(user, what, () -> {
      lock(processInstanceId, what);
      work.run();
    });
  }

  /**
   * Inside a command: locks the process instance of open task {@code taskId} as {@link #inInstance}
   * does and returns its id, or null when no such task is open. The task itself must be read after
   * this, so it is read as the winner of a race left it.
   */
  public static @Nullable String lockInstanceOfTask(String taskId) {
    // one statement: the subquery finds the instance, the lock is on the instance's row only
    return lockedInstance("(SELECT PROC_INST_ID_ FROM " + prefix() + "ACT_RU_TASK WHERE ID_ = ?)", taskId);
  }

  private static void lock(String processInstanceId, String what) {
    if (lockedInstance("?", processInstanceId) == null) {
      throw new FlowableObjectNotFoundException(what + ": its flow instance has ended");
    }
  }

  /** Selects the instance row whose id is {@code idExpression} (with {@code parameter}) {@code FOR UPDATE}; its id, or null if there is none. */
  private static @Nullable String lockedInstance(String idExpression, String parameter) {
    Connection connection = CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement select = connection.prepareStatement("SELECT ID_ FROM " + prefix() + "ACT_RU_EXECUTION WHERE ID_ = " + idExpression + " FOR UPDATE")) {
      select.setString(1, parameter);
      try (ResultSet found = select.executeQuery()) {
        return found.next() ? found.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new FlowableException("Could not lock the flow instance of " + parameter + ": " + e.getMessage(), e);
    }
  }

  private static String prefix() {
    return CommandContextUtil.getProcessEngineConfiguration().getDatabaseTablePrefix();
  }

  public void inTransaction(String user, String what, Runnable work) {
    inTransaction(user, what, () -> {
      work.run();
      return null;
    });
  }

  private static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase();
      if (m.contains("deadlock") || m.contains("lock timeout") || m.contains("could not serialize") || m.contains("timeout trying to lock")) {
        return true;
      }
    }
    return false;
  }

  /** The record a task belongs to, from its process variables. */
  public static @Nullable String variable(TaskInfo task, String name) {
    Object value = task.getProcessVariables().get(name);
    return value == null ? null : value.toString();
  }
}

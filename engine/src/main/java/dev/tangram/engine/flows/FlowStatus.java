package dev.tangram.engine.flows;

import java.util.Set;

/** The record statuses a flow moves through (DESIGN §5), and the outcomes that lead to them. */
public final class FlowStatus {

  public static final String DRAFT = "draft";
  public static final String IN_APPROVAL = "in_approval";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String WITHDRAWN = "withdrawn";

  /** Statuses from which the initiator may send a record (again) into its flow. */
  public static final Set<String> SENDABLE = Set.of(DRAFT, WITHDRAWN, REJECTED);

  private FlowStatus() {}

  /** The record status an instance outcome leads to; null when the record is left alone (e.g. it was deleted). */
  public static String forOutcome(String outcome) {
    return switch (outcome) {
      case "approved" -> APPROVED;
      case "rejected" -> REJECTED;
      case "withdrawn" -> WITHDRAWN;
      case "returned" -> DRAFT;
      default -> null;
    };
  }
}

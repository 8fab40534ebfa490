package dev.tangram.engine.flows.internal;

/** Where CC nodes note who a record was copied to: one document per instance, node and user. */
public final class CcList {

  public static final String COLLECTION = "_flow_cc";

  private CcList() {}
}

package dev.tangram.engine.flows;

/**
 * A deployed flow version of a form.
 *
 * @param format {@code json} (the DingTalk-style tree) or {@code bpmn} (plain BPMN XML)
 * @param source the flow exactly as it was saved
 * @param bpmnXml what Flowable runs
 */
public record DeployedFlow(String app, String form, int version, String format, String source, String bpmnXml,
    String withdraw) {}

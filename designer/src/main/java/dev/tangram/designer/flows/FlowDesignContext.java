package dev.tangram.designer.flows;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.flows.FlowDefinitions;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.ScriptSandbox;

/**
 * What the flow designer works with: the form whose flow it is (its fields for permissions,
 * conditions and field approvers), the directory (users, roles), the plugins (actions), the
 * sandbox (condition syntax), the engine's flow definitions (publish) and who is designing.
 */
public record FlowDesignContext(String app, FormDefinition form, FlowDefinitions definitions, OrgDirectory directory,
    PluginRegistry plugins, ScriptSandbox sandbox, Actor actor) {}

package dev.tangram.engine.flows;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import java.time.Clock;

/** The engine services flows build on, handed over once by whoever wires the application. */
public record FlowDependencies(MongoDatabase database, RecordService records, FormService forms, OrgDirectory directory,
    AccessPolicy access, AccessSettings accessSettings, ScriptSandbox sandbox, PluginRegistry plugins, EventOutbox outbox,
    Clock clock) {}

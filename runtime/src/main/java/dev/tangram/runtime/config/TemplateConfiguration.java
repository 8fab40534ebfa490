package dev.tangram.runtime.config;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.templates.TemplateCatalog;
import dev.tangram.engine.templates.TemplateService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The template marketplace: built-in packages from the class path (the templates module), folders
 * and zips under {@code tangram.templates.dir} (default {@code <data-dir>/templates}) and uploads.
 * Template flows are deployed through the flows feature, and the roles they name are created in
 * the directory, and the grants they ship are set on their forms. At start, an install or upgrade a stopped engine left half-way is finished or
 * rolled back.
 */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

  @Bean
  TemplateCatalog templateCatalog(MongoDatabase database, FormService forms, ScriptSandbox sandbox, PluginRegistry plugins,
      Clock clock, @Value("${tangram.templates.dir:${tangram.data-dir:./data}/templates}") Path folder) {
    return new TemplateCatalog(getClass().getClassLoader(), List.of(folder), database, forms, sandbox, plugins, clock);
  }

  @Bean
  TemplateService templateService(TemplateCatalog catalog, AppService apps, FormService forms, RecordService records,
      MongoDatabase database, Clock clock, Flows flows, OrgDirectory directory, AccessSettings access) {
    TemplateService templates = new TemplateService(catalog, apps, forms, records, database, clock, flows.definitions(), directory, access);
    templates.recoverInterrupted();
    return templates;
  }
}

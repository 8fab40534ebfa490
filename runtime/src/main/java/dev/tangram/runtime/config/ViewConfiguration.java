package dev.tangram.runtime.config;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.views.ViewService;
import dev.tangram.engine.views.ViewStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Apps' list views and dashboards (the same {@code _views} store templates install into). */
@Configuration(proxyBeanMethods = false)
class ViewConfiguration {

  @Bean
  ViewService viewService(MongoDatabase database, AppService apps, FormService forms, RecordService records, AccessPolicy access) {
    return new ViewService(new ViewStore(database), apps, forms, records, access);
  }
}

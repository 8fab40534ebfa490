package dev.tangram.runtime.ui.shell;

import dev.tangram.designer.components.Translations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The UI's texts (zh-CN / en) as Vaadin's I18NProvider. */
@Configuration(proxyBeanMethods = false)
class TranslationsConfiguration {

  @Bean
  Translations translations() {
    return new Translations();
  }
}

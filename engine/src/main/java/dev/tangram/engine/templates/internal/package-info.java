/** How templates are read, checked, rendered, merged and applied; used through {@code TemplateService}. */
@NullMarked
package dev.tangram.engine.templates.internal;

import org.jspecify.annotations.NullMarked;
